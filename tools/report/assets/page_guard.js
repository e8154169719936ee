// Runs before anything else on the page: records every error and warning, so that the status
// line (and the browser test reading it) can tell whether the report drew cleanly.
(function () {
  'use strict';
  var errors = (window.zorgsimErrors = []);
  var warnings = (window.zorgsimWarnings = []);
  var text = function (args) {
    return Array.prototype.map
      .call(args, function (a) {
        return a && a.message ? a.message : String(a);
      })
      .join(' ');
  };
  window.addEventListener('error', function (event) {
    errors.push('error: ' + (event.message || 'unknown') +
                (event.lineno ? ' (line ' + event.lineno + ')' : ''));
  });
  window.addEventListener('unhandledrejection', function (event) {
    var reason = event.reason;
    errors.push('unhandled rejection: ' + (reason && reason.message ? reason.message : reason));
  });
  document.addEventListener('securitypolicyviolation', function (event) {
    errors.push('blocked a request to ' + event.blockedURI + ' (' + event.violatedDirective +
                '): the report must not fetch anything');
  });
  var originalError = console.error;
  console.error = function () {
    errors.push('console.error: ' + text(arguments));
    return originalError.apply(console, arguments);
  };
  var originalWarn = console.warn;
  console.warn = function () {
    warnings.push(text(arguments));
    return originalWarn.apply(console, arguments);
  };
})();
