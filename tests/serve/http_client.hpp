// A small HTTP client for the server tests (Boost.Beast, blocking): whole requests, streamed
// JSON lines, and raw bytes for malformed requests. Knows HTTP only, nothing of the API.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <functional>
#include <string>

namespace cmhsim::serve::test {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

/// Holds a reply's status, content type, disposition and body.
struct Reply {
  int status = 0;
  std::string content_type;
  std::string disposition;
  std::string body;
};

/// Returns a socket connected to 127.0.0.1:`port`.
inline tcp::socket connect(net::io_context& ioc, unsigned short port) {
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  return socket;
}

/// Sends one request and returns the whole reply.
inline Reply request(unsigned short port, http::verb method, const std::string& target,
                     const std::string& body = "",
                     const std::string& content_type = "application/json") {
  net::io_context ioc;
  tcp::socket socket = connect(ioc, port);
  http::request<http::string_body> req{method, target, 11};
  req.set(http::field::host, "127.0.0.1");
  if (method == http::verb::post) req.set(http::field::content_type, content_type);
  req.body() = body;
  req.prepare_payload();
  http::write(socket, req);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  http::read(socket, buffer, parser);
  const auto& res = parser.get();
  return {static_cast<int>(res.result_int()), std::string(res[http::field::content_type]),
          std::string(res[http::field::content_disposition]), res.body()};
}

/// Posts a comparison and calls `on_line` with each streamed line as it arrives; returns the
/// status (the body of a refusal is passed to `on_line` whole).
inline int stream_lines(unsigned short port, const std::string& body,
                        const std::function<void(const std::string&)>& on_line) {
  net::io_context ioc;
  tcp::socket socket = connect(ioc, port);
  http::request<http::string_body> req{http::verb::post, "/api/compare", 11};
  req.set(http::field::host, "127.0.0.1");
  req.set(http::field::content_type, "application/json");
  req.body() = body;
  req.prepare_payload();
  http::write(socket, req);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(256 * 1024 * 1024);
  http::read_header(socket, buffer, parser);
  std::string pending;
  std::size_t used = 0;
  beast::error_code ec;
  while (!parser.is_done()) {
    http::read_some(socket, buffer, parser, ec);
    if (ec) break;
    const std::string& text = parser.get().body();
    pending.append(text, used, std::string::npos);
    used = text.size();
    for (std::size_t nl = pending.find('\n'); nl != std::string::npos; nl = pending.find('\n')) {
      on_line(pending.substr(0, nl));
      pending.erase(0, nl + 1);
    }
  }
  if (!pending.empty()) on_line(pending);
  return static_cast<int>(parser.get().result_int());
}

/// Sends `bytes` as they are, optionally closes the sending side, and returns whatever comes
/// back before the server closes the connection.
inline std::string raw(unsigned short port, const std::string& bytes, bool shutdown_send) {
  net::io_context ioc;
  tcp::socket socket = connect(ioc, port);
  beast::error_code ec;
  net::write(socket, net::buffer(bytes), ec);
  if (shutdown_send) socket.shutdown(tcp::socket::shutdown_send, ec);
  std::string out;
  char buf[4096];
  for (;;) {
    const std::size_t n = socket.read_some(net::buffer(buf), ec);
    if (ec) break;
    out.append(buf, n);
  }
  return out;
}

/// Returns the status code of a raw HTTP reply ("HTTP/1.1 400 ..." gives 400), or 0.
inline int raw_status(const std::string& reply) {
  if (reply.rfind("HTTP/1.", 0) != 0 || reply.size() < 12) return 0;
  return std::stoi(reply.substr(9, 3));
}

}  // namespace cmhsim::serve::test
