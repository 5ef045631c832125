// Boost.Beast on an io_context: an acceptor, one session per connection on its own strand, a
// deadline per request read, chunked replies fed by comparison threads through posted lines.
#include "serve/server.hpp"

#include <array>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <deque>
#include <optional>
#include <thread>

#include "serve/serve_error.hpp"

namespace cmhsim::serve {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr std::chrono::seconds kWriteTimeout{30};
constexpr std::size_t kHeaderLimit = 16 * 1024;

/// Returns true if the Host header names this machine's loopback address (any port).
bool loopback_host(std::string_view host) {
  if (host.empty()) return true;  // HTTP/1.0 clients may send none.
  std::string_view name = host;
  if (name.front() == '[') {
    name = name.substr(0, name.find(']') + 1);
  } else {
    name = name.substr(0, name.find(':'));
  }
  return name == "localhost" || name == "127.0.0.1" || name == "[::1]";
}

const char* reason_of(const beast::error_code& ec, int& status) {
  if (ec == http::error::body_limit) {
    status = 413;
    return "the request body is larger than the server accepts";
  }
  if (ec == http::error::header_limit) {
    status = 431;
    return "the request headers are too large";
  }
  status = 400;
  return "malformed HTTP request";
}

/// Holds what every session shares: the API, the open connection count, the loopback flag.
struct Core {
  Core(ServeSettings settings, std::vector<Baseline> baselines)
      : api(std::move(settings), std::move(baselines)) {}
  Api api;
  std::atomic<std::size_t> connections{0};
  bool loopback = true;
};

/// Serves one connection: requests in turn, or one streamed comparison and then closes.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Core& server)
      : stream_(std::move(socket)), deadline_(stream_.get_executor()), server_(server) {
    ++server_.connections;
  }
  ~Session() { --server_.connections; }

  void run() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
  }

  /// Queues one line of a streamed reply; false once the client has gone.
  bool send(std::string line) {
    if (gone_.load()) return false;
    net::post(stream_.get_executor(), [self = shared_from_this(), l = std::move(line)]() mutable {
      self->pending_.push_back(std::move(l) + "\n");
      self->flush();
    });
    return true;
  }

  /// Ends a streamed reply once its queued lines are written.
  void finish_stream() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      self->closing_ = true;
      self->flush();
    });
  }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(server_.api.settings().max_body);
    parser_->header_limit(kHeaderLimit);
    timed_out_ = false;
    deadline_.expires_after(server_.api.settings().read_timeout);
    deadline_.async_wait([weak = weak_from_this()](beast::error_code ec) {
      if (ec) return;
      if (auto self = weak.lock()) {
        // Cancelling (not closing) lets the session still answer 408.
        self->timed_out_ = true;
        beast::error_code ignored;
        self->stream_.socket().cancel(ignored);
      }
    });
    stream_.expires_never();
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    deadline_.cancel();
    if (timed_out_) return reply_error(408, "the request took too long to arrive", false);
    if (ec == http::error::end_of_stream || ec == net::error::connection_reset ||
        ec == net::error::operation_aborted) {
      return close();
    }
    if (ec) {
      int status = 400;
      const char* reason = reason_of(ec, status);
      return reply_error(status, reason, false);
    }
    http::request<http::string_body> req = parser_->release();
    const auto host = req[http::field::host];
    if (server_.loopback && !loopback_host(std::string_view(host.data(), host.size()))) {
      return reply_error(403, "this server answers requests for localhost only", false);
    }
    ApiRequest request{std::string(req.method_string()), std::string(req.target()),
                       std::string(req[http::field::content_type]), std::move(req.body())};
    ApiReply reply = server_.api.handle(request);
    version_ = req.version();
    if (reply.stream) return start_stream(std::move(reply));
    write_reply(std::move(reply), req.keep_alive());
  }

  void reply_error(int status, const std::string& message, bool keep_alive) {
    ApiReply reply;
    reply.status = status;
    reply.body = error_body(message);
    write_reply(std::move(reply), keep_alive);
  }

  static void common_headers(http::header<false>& h, const ApiReply& reply) {
    h.set(http::field::server, "cmhsim");
    h.set(http::field::content_type, reply.content_type);
    h.set(http::field::cache_control, "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    if (reply.content_type.rfind("text/html", 0) == 0) {
      // The page loads nothing from elsewhere; the policy makes sure of it.
      h.set("Content-Security-Policy",
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; form-action 'none'; "
            "frame-ancestors 'none'");
    }
    if (!reply.filename.empty()) {
      h.set(http::field::content_disposition, "attachment; filename=\"" + reply.filename + "\"");
    }
  }

  void write_reply(ApiReply reply, bool keep_alive) {
    auto res = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(reply.status), version_ ? version_ : 11);
    common_headers(res->base(), reply);
    res->keep_alive(keep_alive);
    res->body() = std::move(reply.body);
    res->prepare_payload();
    stream_.expires_after(kWriteTimeout);
    http::async_write(stream_, *res,
                      [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
                        if (ec) return self->close();
                        if (!res->keep_alive()) return self->linger();
                        self->read();
                      });
  }

  /// Closes after a refusal without losing it: stops sending, then reads and drops what the
  /// client still sends (a reset would discard the reply) until it closes or a second passes.
  void linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    deadline_.expires_after(std::chrono::seconds(1));
    deadline_.async_wait([weak = weak_from_this()](beast::error_code ec) {
      if (auto self = weak.lock(); self && !ec) self->close();
    });
    drain();
  }

  void drain() {
    stream_.socket().async_read_some(
        net::buffer(drain_buffer_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
          if (ec) {
            self->deadline_.cancel();
            return self->close();
          }
          self->drain();
        });
  }

  void start_stream(ApiReply reply) {
    head_.emplace(http::status::ok, version_);
    common_headers(head_->base(), reply);
    head_->keep_alive(false);
    head_->chunked(true);
    serializer_.emplace(*head_);
    writing_ = true;
    stream_.expires_after(kWriteTimeout);
    http::async_write_header(
        stream_, *serializer_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->after_write(ec); });
    // Always started, so the job ends (at once if the client has gone).
    reply.stream(std::make_shared<Sink>(shared_from_this()));
  }

  void after_write(beast::error_code ec) {
    writing_ = false;
    if (ec) {
      gone_.store(true);
      pending_.clear();
      return;
    }
    flush();
  }

  void flush() {
    if (writing_ || gone_.load()) return;
    if (!pending_.empty()) {
      writing_ = true;
      stream_.expires_after(kWriteTimeout);
      net::async_write(stream_, http::make_chunk(net::buffer(pending_.front())),
                       [self = shared_from_this()](beast::error_code ec, std::size_t) {
                         self->pending_.pop_front();
                         self->after_write(ec);
                       });
      return;
    }
    if (closing_ && !ended_) {
      ended_ = true;
      writing_ = true;
      net::async_write(stream_, http::make_chunk_last(),
                       [self = shared_from_this()](beast::error_code, std::size_t) {
                         self->writing_ = false;
                         self->close();
                       });
    }
  }

  void close() {
    gone_.store(true);
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  /// Carries a job's lines to its session.
  struct Sink : LineSink {
    explicit Sink(std::shared_ptr<Session> s) : session(std::move(s)) {}
    bool send(std::string line) override { return session->send(std::move(line)); }
    void close() override { session->finish_stream(); }
    std::shared_ptr<Session> session;
  };

  beast::tcp_stream stream_;
  net::steady_timer deadline_;
  Core& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  unsigned version_ = 11;
  bool timed_out_ = false;
  std::optional<http::response<http::empty_body>> head_;
  std::optional<http::response_serializer<http::empty_body>> serializer_;
  std::deque<std::string> pending_;
  std::array<char, 4096> drain_buffer_{};
  bool writing_ = false;
  bool closing_ = false;
  bool ended_ = false;
  std::atomic<bool> gone_{false};
};

}  // namespace

struct Server::Impl {
  Impl(ServeSettings settings, std::vector<Baseline> baselines)
      : core(std::move(settings), std::move(baselines)), acceptor(ioc) {}

  Core core;
  net::io_context ioc;
  tcp::acceptor acceptor;
  std::vector<std::thread> threads;
  bool stopped = false;

  void accept();
};

void Server::Impl::accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
    if (!ec) {
      if (core.connections.load() >= core.api.settings().max_connections) {
        beast::error_code ignored;
        socket.close(ignored);
      } else {
        std::make_shared<Session>(std::move(socket), core)->run();
      }
    }
    accept();
  });
}

Server::Server(ServeSettings settings, std::vector<Baseline> baselines)
    : impl_(std::make_unique<Impl>(std::move(settings), std::move(baselines))) {
  const ServeSettings& s = impl_->core.api.settings();
  beast::error_code ec;
  const auto address = net::ip::make_address(s.bind, ec);
  if (ec) throw ServeInputError("--bind " + s.bind + ": not an IP address");
  impl_->core.loopback = address.is_loopback();
  const tcp::endpoint endpoint(address, s.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    throw ServeError("cannot listen on " + s.bind + ":" + std::to_string(s.port) + ": " +
                     ec.message());
  }
}

Server::~Server() { stop(); }

void Server::start(int io_threads) {
  impl_->accept();
  for (int i = 0; i < std::max(1, io_threads); ++i) {
    impl_->threads.emplace_back([this] { impl_->ioc.run(); });
  }
}

void Server::stop() {
  if (impl_->stopped) return;
  impl_->stopped = true;
  // Jobs first: they end their streams, then the network stops.
  impl_->core.api.stop();
  net::post(impl_->ioc, [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
  });
  impl_->ioc.stop();
  for (auto& t : impl_->threads) t.join();
  impl_->threads.clear();
}

unsigned short Server::port() const { return impl_->acceptor.local_endpoint().port(); }

std::string Server::url() const {
  const auto endpoint = impl_->acceptor.local_endpoint();
  auto address = endpoint.address();
  // A server on every address is opened through this machine's own.
  if (address.is_unspecified()) {
    address = address.is_v6() ? net::ip::address(net::ip::address_v6::loopback())
                              : net::ip::address(net::ip::address_v4::loopback());
  }
  const std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
  return "http://" + host + ":" + std::to_string(endpoint.port()) + "/";
}

bool Server::loopback() const { return impl_->core.loopback; }

}  // namespace cmhsim::serve
