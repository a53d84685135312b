#include "api/application.hpp"

#include <spdlog/async.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>

#include "crm/built_in_boards.hpp"
#include "store/migrator.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace laurel::api {

void configure_logging(const config::LogConfig& log) {
  static std::once_flag once;
  std::call_once(once, [] {
    spdlog::init_thread_pool(8192, 1);
    auto logger = std::make_shared<spdlog::async_logger>(
        "laurel", std::make_shared<spdlog::sinks::stderr_color_sink_mt>(), spdlog::thread_pool(),
        spdlog::async_overflow_policy::overrun_oldest);
    spdlog::set_default_logger(logger);
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v");
  });
  spdlog::set_level(spdlog::level::from_str(log.level));
  spdlog::flush_on(spdlog::level::warn);
}

core::Result<std::unique_ptr<Application>> Application::open(const config::Config& config,
                                                             const core::Clock& clock) {
  auto store = store::SqliteStore::open({config.database.path, config.database.busy_timeout});
  if (!store) return store.error();
  {
    auto connection = (*store)->acquire();
    if (!connection) return connection.error();
    if (config.database.auto_migrate) {
      auto report = store::migrate(**connection);
      if (!report) return report.error();
      for (const auto& name : report->applied)
        spdlog::info("applied migration {}", name);
    } else if (auto s = store::check_schema_current(**connection); !s) {
      return s.error();
    }
  }
  auto services = std::make_unique<Services>(config, std::move(*store), clock);
  // Laurel's own boards for campaigns and client targets stored before there were any.
  if (auto s = crm::BuiltInBoards(clock, services->events)
                   .ensure_all(*services->store, auth::Actor{std::nullopt, "laurel", {}, {}});
      !s) {
    return s.error();
  }
  // The recognition engine folds the whole event log before Laurel answers, so the first figures
  // asked for are not a wait (the demo year: under 2 s, docs/benchmarks.md).
  const auto started = std::chrono::steady_clock::now();
  if (auto s = services->engine.catch_up(); !s) return s.error();
  spdlog::info("recognition engine: event log folded up to {} in {} ms",
               services->engine.folded_up_to(),
               std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - started)
                   .count());
  if (const auto bad = services->engine.unreadable_events(); bad > 0) {
    spdlog::warn("recognition engine: {} events could not be read and were skipped", bad);
  }
  // Boards that moved reach the open pages through the live stream.
  services->engine.on_boards_changed(
      [&live = services->live](std::vector<crm::BoardChange> changes) {
        live.boards_changed(changes);
      });
  // And people whose points or flags were posted, on their own pages.
  services->engine.on_recognition_changed(
      [&live = services->live](std::vector<std::int64_t> people) {
        live.recognition_changed(people);
      });
  services->engine.start_worker([](const core::Error& error) {
    spdlog::warn("recognition engine: catching up with the event log failed: {}", error.message);
  });
  if (auto s = services->live.start([](const core::Error& error) {
        spdlog::warn("live stream: reading changed good news failed: {}", error.message);
      });
      !s) {
    return s.error();
  }
  services->snapshots.on_taken(
      [&live = services->live](const crm::BoardChange& change) { live.boards_changed({change}); });
  services->snapshots.start([](const core::Error& error) {
    spdlog::warn("leaderboards: taking scheduled snapshots failed: {}", error.message);
  });
  services->points_expiry.start([](const core::Error& error) {
    spdlog::warn("points: expiring spendable points failed: {}", error.message);
  });
  services->chat.start([](const core::Error& error) {
    spdlog::warn("group chats: delivering good news failed: {}", error.message);
  });
  return std::unique_ptr<Application>(new Application(std::move(services)));
}

Application::Application(std::unique_ptr<Services> services)
    : services_(std::move(services)), router_(build_router(*services_, metrics_handle_)) {
  std::vector<std::string> labels;
  for (const auto& route : router_.routes()) {
    labels.push_back(route.spec.method + " " + route.spec.pattern);
  }
  metrics_ = std::make_unique<http::Metrics>(std::move(labels));
  metrics_handle_.metrics = metrics_.get();
  // New connections see the observer; the one opened to migrate is closed first.
  services_->store->close_idle();
  services_->store->set_query_observer(
      [metrics = metrics_.get()](std::chrono::nanoseconds elapsed) {
        metrics->record_query(elapsed);
      });

  const auto& config = services_->config;
  http::RequestLogger logger;
  if (config.log.requests && spdlog::should_log(spdlog::level::info)) {
    request_log_ = std::make_unique<http::RequestLog>(STDERR_FILENO);
    logger = [log = request_log_.get()](const http::Request& request,
                                        const http::Response& response,
                                        std::chrono::nanoseconds elapsed, const std::string& user,
                                        const std::string& request_id) {
      log->write(request.method, request.path, response.status, elapsed, user, request.client_ip,
                 request_id);
    };
  }
  auto authenticator = [this](std::string_view token) {
    return services_->auth.authenticate(token);
  };
  std::shared_ptr<http::StaticFiles> static_files;
  if (!config.server.static_dir.empty()) {
    static_files = std::make_shared<http::StaticFiles>(config.server.static_dir);
  }
  dispatcher_ = std::make_unique<http::Dispatcher>(
      router_, authenticator, *metrics_, std::move(static_files), std::move(logger),
      http::DispatcherOptions{config.server.body_limit_bytes});
}

core::Status Application::listen(bool handle_signals) {
  const auto& server = services_->config.server;
  auto address = http::parse_listen_address(server.listen);
  if (!address) return address.error();
  http::ServerOptions options;
  options.host = address->first;
  options.port = address->second;
  options.threads = server.threads;
  options.max_connections = server.max_connections;
  options.header_limit = server.header_limit_bytes;
  options.idle_timeout = server.idle_timeout;
  options.read_timeout = server.read_timeout;
  options.write_timeout = server.write_timeout;
  options.shutdown_grace = server.shutdown_grace;
  options.stream_heartbeat = server.stream_heartbeat;
  options.handle_signals = handle_signals;
  server_ = std::make_unique<http::Server>(*dispatcher_, *metrics_, options);
  return server_->listen();
}

std::uint16_t Application::port() const {
  return server_ ? server_->port() : 0;
}

void Application::run() {
  server_->run();
  // No connection is left to push to; and nothing may wake a connection of a server that goes.
  services_->live.stop();
  services_->snapshots.stop();
  services_->points_expiry.stop();
  services_->chat.stop();  // what is left goes out when Laurel is back
  if (auto s = services_->engine.stop_worker(); !s) {
    spdlog::warn("recognition engine: the last catch-up failed: {}", s.error().message);
  }
  // Every connection is closed: close the database cleanly (WAL checkpoint on last close).
  services_->store->close_idle();
}

void Application::stop() {
  if (server_) server_->stop();
}

}  // namespace laurel::api
