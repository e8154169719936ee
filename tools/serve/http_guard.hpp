// What every request to the studio must pass before it is read (docs/studio.md, "Safe by
// default"): its Host is an address the studio answers to (against DNS rebinding), a request
// that changes something (POST, DELETE) comes from the studio's own page or a tool that sends no
// Origin (curl), bodies are at most 1 MiB, plain JSON, not compressed or chunked, and, when the
// studio listens beyond this machine, the request carries the token.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace zorgsim::serve {

struct ListenAddress {
    std::string host; ///< as given: "127.0.0.1", "::1", "0.0.0.0", "localhost"
    int port = 8080;
    bool loopback() const;
    bool wildcard() const; ///< 0.0.0.0 or ::
    /// "127.0.0.1:8080", "[::1]:8080"
    std::string authority() const;
};

/// Parses HOST:PORT ("127.0.0.1:8080", "[::1]:8080", "localhost:8080", ":8080" for 127.0.0.1).
/// Nothing if it is not one.
std::optional<ListenAddress> parse_listen(const std::string& text);

struct Request {
    std::string method;
    std::string path;
    std::string host;         ///< the Host header ("" if missing)
    std::string origin;       ///< the Origin header ("" if missing)
    std::string fetch_site;   ///< Sec-Fetch-Site ("" if missing)
    std::string content_type; ///< "" if missing
    std::string content_encoding;
    std::string transfer_encoding;
    std::optional<unsigned long long> content_length;
    std::string cookie;        ///< the Cookie header
    std::string authorization; ///< the Authorization header
};

struct Refusal {
    int status = 400;
    std::string message;
};

class Guard {
  public:
    /// ALLOWED: the Host values answered ("127.0.0.1:8080", "localhost:8080", ...); TOKEN: the
    /// secret every API request must carry (empty: none needed).
    Guard(std::vector<std::string> allowed, std::string token, unsigned long long max_body);

    /// Why REQUEST is refused, or nothing when it may be read.
    std::optional<Refusal> check(const Request& request) const;

    bool token_required() const { return !token_.empty(); }
    const std::vector<std::string>& allowed() const { return allowed_; }

  private:
    bool has_token(const Request& request) const;

    std::vector<std::string> allowed_;
    std::string token_;
    unsigned long long max_body_;
};

/// The Host values a studio listening on ADDRESS answers to, with the --allow-host names (a
/// name without a port is answered without one, as a reverse proxy on 443 passes it, and with
/// ADDRESS's port).
std::vector<std::string> allowed_hosts(const ListenAddress& address,
                                       const std::vector<std::string>& extra);

/// Whether the two strings are equal, in a time that does not depend on where they differ.
bool same_secret(const std::string& a, const std::string& b);

} // namespace zorgsim::serve
