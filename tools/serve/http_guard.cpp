#include "http_guard.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <arpa/inet.h>
#include <fmt/format.h>

namespace zorgsim::serve {

namespace {

std::string lower(std::string text) {
    for (auto& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

} // namespace

bool ListenAddress::loopback() const {
    if (host == "localhost" || host == "::1")
        return true;
    in_addr address{};
    if (::inet_pton(AF_INET, host.c_str(), &address) == 1)
        return (ntohl(address.s_addr) >> 24) == 127;
    return false;
}

bool ListenAddress::wildcard() const {
    return host == "0.0.0.0" || host == "::";
}

std::string ListenAddress::authority() const {
    return host.find(':') != std::string::npos ? fmt::format("[{}]:{}", host, port)
                                               : fmt::format("{}:{}", host, port);
}

std::optional<ListenAddress> parse_listen(const std::string& text) {
    ListenAddress address;
    std::string port;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':')
            return std::nullopt;
        address.host = text.substr(1, close - 1);
        port = text.substr(close + 2);
        in6_addr ignored{};
        if (::inet_pton(AF_INET6, address.host.c_str(), &ignored) != 1)
            return std::nullopt;
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string::npos)
            return std::nullopt;
        address.host = colon == 0 ? "127.0.0.1" : text.substr(0, colon);
        port = text.substr(colon + 1);
        in_addr ignored{};
        if (address.host != "localhost" &&
            ::inet_pton(AF_INET, address.host.c_str(), &ignored) != 1)
            return std::nullopt;
    }
    int number = 0;
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (port.empty() || error != std::errc() || end != port.data() + port.size() || number < 0 ||
        number > 65535)
        return std::nullopt;
    address.port = number;
    return address;
}

std::vector<std::string> allowed_hosts(const ListenAddress& address,
                                       const std::vector<std::string>& extra) {
    std::vector<std::string> allowed;
    if (!address.wildcard())
        allowed.push_back(lower(address.authority()));
    if (address.loopback()) {
        for (const char* name : {"localhost", "127.0.0.1", "[::1]"}) {
            const std::string host = fmt::format("{}:{}", name, address.port);
            if (std::find(allowed.begin(), allowed.end(), host) == allowed.end())
                allowed.push_back(host);
        }
    }
    for (const auto& name : extra) {
        const bool has_port = name.find(':') != std::string::npos &&
                              (name.front() != '[' || name.find("]:") != std::string::npos);
        allowed.push_back(lower(name));
        // Without a port: also with the studio's (a browser sends none for 80 and 443, which
        // a reverse proxy passes on).
        if (!has_port)
            allowed.push_back(lower(fmt::format("{}:{}", name, address.port)));
    }
    return allowed;
}

bool same_secret(const std::string& a, const std::string& b) {
    unsigned char differ = a.size() == b.size() ? 0 : 1;
    for (std::size_t i = 0; i < a.size(); ++i)
        differ |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
    return differ == 0;
}

Guard::Guard(std::vector<std::string> allowed, std::string token, unsigned long long max_body)
    : allowed_(std::move(allowed)), token_(std::move(token)), max_body_(max_body) {}

bool Guard::has_token(const Request& request) const {
    if (token_.empty())
        return true;
    const std::string bearer = "Bearer ";
    if (request.authorization.rfind(bearer, 0) == 0 &&
        same_secret(request.authorization.substr(bearer.size()), token_))
        return true;
    // Cookie: a=b; zorgsim_token=SECRET; c=d
    std::size_t at = 0;
    const std::string& cookie = request.cookie;
    while (at < cookie.size()) {
        auto end = cookie.find(';', at);
        if (end == std::string::npos)
            end = cookie.size();
        std::string item = cookie.substr(at, end - at);
        item.erase(0, item.find_first_not_of(' '));
        const std::string name = "zorgsim_token=";
        if (item.rfind(name, 0) == 0 && same_secret(item.substr(name.size()), token_))
            return true;
        at = end + 1;
    }
    return false;
}

std::optional<Refusal> Guard::check(const Request& request) const {
    // DNS rebinding: a page of evil.example that resolves to 127.0.0.1 sends Host: evil.example.
    const std::string host = lower(request.host);
    if (host.empty() || std::find(allowed_.begin(), allowed_.end(), host) == allowed_.end())
        return Refusal{421, fmt::format("this studio answers only requests for {} (Host was "
                                        "'{}'); open it at that address",
                                        allowed_.empty() ? std::string("?") : allowed_.front(),
                                        request.host.substr(0, 100))};
    const bool changes = request.method != "GET" && request.method != "HEAD";
    if (request.method != "GET" && request.method != "HEAD" && request.method != "POST" &&
        request.method != "DELETE")
        return Refusal{405,
                       fmt::format("method {} is not used here", request.method.substr(0, 20))};
    if (changes) {
        // A cross-site form or script: its Origin is another site's.
        if (!request.origin.empty() && request.origin != "http://" + host &&
            request.origin != "https://" + host)
            return Refusal{403, fmt::format("refused: the request comes from another site ('{}')",
                                            request.origin.substr(0, 100))};
        const std::string site = lower(request.fetch_site);
        if (!site.empty() && site != "same-origin" && site != "none")
            return Refusal{403, "refused: the request comes from another site"};
    }
    if (!request.content_encoding.empty())
        return Refusal{415, "compressed request bodies are not accepted"};
    if (!request.transfer_encoding.empty())
        return Refusal{411, "send the request body with a Content-Length, not chunked"};
    if (request.content_length && *request.content_length > max_body_)
        return Refusal{413, fmt::format("the request body is {} bytes; at most {} are accepted",
                                        *request.content_length, max_body_)};
    if (request.method == "POST") {
        const std::string type =
            lower(request.content_type.substr(0, request.content_type.find(';')));
        if (type != "application/json")
            return Refusal{415, "send the request body as JSON (Content-Type: application/json)"};
    }
    if (request.path.rfind("/api/", 0) == 0 && !has_token(request))
        return Refusal{401, "this studio needs its token (the page asks for it once)"};
    return std::nullopt;
}

} // namespace zorgsim::serve
