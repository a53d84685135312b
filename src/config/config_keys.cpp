#include "config/config_keys.hpp"

#include <charconv>
#include <vector>

#include "core/local_date.hpp"

namespace laurel::config {
namespace {

using core::Error;
using core::Status;

Status parse_integer(std::string_view key, std::string_view text, long long min, long long max,
                     long long& out) {
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return Error::invalid(std::string(key), "expected an integer from " + std::to_string(min) +
                                                " to " + std::to_string(max) + ", got \"" +
                                                std::string(text) + "\"");
  }
  out = value;
  return {};
}

Status parse_bool(std::string_view key, std::string_view text, bool& out) {
  if (text == "true" || text == "1" || text == "yes" || text == "on") {
    out = true;
  } else if (text == "false" || text == "0" || text == "no" || text == "off") {
    out = false;
  } else {
    return Error::invalid(std::string(key),
                          "expected true or false, got \"" + std::string(text) + "\"");
  }
  return {};
}

// Builders, so that each key below reads as one line of intent. `Field` is a lambda giving a
// reference to the value inside a Config.

template <class Field>
ConfigKey number(std::string_view name, std::string_view description, Field field, long long min,
                 long long max) {
  using Value = std::remove_reference_t<decltype(field(std::declval<Config&>()))>;
  return {name, description,
          [field](const Config& c) { return std::to_string(field(const_cast<Config&>(c))); },
          [name, field, min, max](Config& c, std::string_view text) -> Status {
            long long v = 0;
            if (auto s = parse_integer(name, text, min, max, v); !s) return s;
            field(c) = static_cast<Value>(v);
            return {};
          }};
}

template <class Field>
ConfigKey duration(std::string_view name, std::string_view description, Field field, long long min,
                   long long max) {
  using Value = std::remove_reference_t<decltype(field(std::declval<Config&>()))>;
  return {
      name, description,
      [field](const Config& c) { return std::to_string(field(const_cast<Config&>(c)).count()); },
      [name, field, min, max](Config& c, std::string_view text) -> Status {
        long long v = 0;
        if (auto s = parse_integer(name, text, min, max, v); !s) return s;
        field(c) = Value(v);
        return {};
      }};
}

template <class Field>
ConfigKey flag(std::string_view name, std::string_view description, Field field) {
  return {
      name, description,
      [field](const Config& c) {
        return std::string(field(const_cast<Config&>(c)) ? "true" : "false");
      },
      [name, field](Config& c, std::string_view text) { return parse_bool(name, text, field(c)); }};
}

template <class Field>
ConfigKey text(std::string_view name, std::string_view description, Field field,
               std::function<Status(std::string_view)> check = {}) {
  return {name, description, [field](const Config& c) { return field(const_cast<Config&>(c)); },
          [field, check](Config& c, std::string_view value) -> Status {
            if (check) {
              if (auto s = check(value); !s) return s;
            }
            field(c) = std::string(value);
            return {};
          }};
}

Status check_listen(std::string_view value) {
  const auto colon = value.rfind(':');
  long long port = 0;
  if (colon == std::string_view::npos || colon == 0 ||
      !parse_integer("server.listen", value.substr(colon + 1), 0, 65535, port)) {
    return Error::invalid("server.listen", "expected HOST:PORT such as 127.0.0.1:8080, got \"" +
                                               std::string(value) + "\"");
  }
  return {};
}

Status check_level(std::string_view value) {
  for (std::string_view level : {"trace", "debug", "info", "warn", "error", "critical", "off"}) {
    if (value == level) return {};
  }
  return Error::invalid("log.level",
                        "expected one of trace, debug, info, warn, error, critical, "
                        "off; got \"" +
                            std::string(value) + "\"");
}

// An absolute http(s) URL with a host and no query; a trailing slash is taken off.
Status check_public_url(std::string_view value) {
  if (value.empty()) return {};
  const auto scheme = value.find("://");
  const auto scheme_name = value.substr(0, scheme == std::string_view::npos ? 0 : scheme);
  const auto rest =
      scheme == std::string_view::npos ? std::string_view() : value.substr(scheme + 3);
  if ((scheme_name != "http" && scheme_name != "https") || rest.empty() || rest.front() == '/' ||
      rest.find_first_of("?# ") != std::string_view::npos) {
    return Error::invalid("server.public_url",
                          "expected an http(s) address such as https://laurel.example.com, got \"" +
                              std::string(value) + "\"");
  }
  return {};
}

Status check_not_empty(std::string_view name, std::string_view value) {
  if (value.empty()) return Error::invalid(std::string(name), "must not be empty");
  return {};
}

std::vector<ConfigKey> build_keys() {
  constexpr long long kDay = 24 * 60 * 60;
  return {
      text(
          "server.listen", "Address and port to listen on (HOST:PORT; port 0 picks a free one)",
          [](Config & c) -> auto& { return c.server.listen; }, check_listen),
      number(
          "server.threads", "Worker threads serving HTTP; 0 means one per CPU core",
          [](Config & c) -> auto& { return c.server.threads; }, 0, 256),
      number(
          "server.max_connections", "Connections served at once; more are answered 503 and closed",
          [](Config & c) -> auto& { return c.server.max_connections; }, 1, 1'000'000),
      number(
          "server.header_limit_bytes", "Largest request header block accepted (bytes)",
          [](Config & c) -> auto& { return c.server.header_limit_bytes; }, 1024, 1024 * 1024),
      number(
          "server.body_limit_bytes",
          "Default largest request body (bytes); some routes set their own limit",
          [](Config & c) -> auto& { return c.server.body_limit_bytes; }, 0, 1024LL * 1024 * 1024),
      duration(
          "server.idle_timeout_seconds",
          "How long a keep-alive connection may wait for its next request",
          [](Config & c) -> auto& { return c.server.idle_timeout; }, 1, kDay),
      duration(
          "server.read_timeout_seconds",
          "How long a client may take to send one whole request once it has started",
          [](Config & c) -> auto& { return c.server.read_timeout; }, 1, kDay),
      duration(
          "server.write_timeout_seconds", "How long a client may take to read a response",
          [](Config & c) -> auto& { return c.server.write_timeout; }, 1, kDay),
      duration(
          "server.shutdown_grace_seconds",
          "On SIGTERM/SIGINT, how long in-flight requests may take before Laurel exits",
          [](Config & c) -> auto& { return c.server.shutdown_grace; }, 0, 3600),
      duration(
          "server.stream_heartbeat_seconds",
          "How long a live stream may stay quiet before Laurel sends it a heartbeat",
          [](Config & c) -> auto& { return c.server.stream_heartbeat; }, 1, 3600),
      number(
          "server.stream_queue_messages",
          "Messages waiting for one live-stream client; a client further behind is dropped",
          [](Config & c) -> auto& { return c.server.stream_queue_messages; }, 16, 1'000'000),
      text(
          "server.static_dir", "Folder of the built web UI served at / (web/dist)",
          [](Config & c) -> auto& { return c.server.static_dir; }),
      text(
          "server.public_url",
          "Laurel's address as users and the group-chat apps reach it (https://…); empty: unknown",
          [](Config & c) -> auto& { return c.server.public_url; }, check_public_url),
      text(
          "database.path", "SQLite database file; created if missing",
          [](Config & c) -> auto& { return c.database.path; },
          [](std::string_view v) { return check_not_empty("database.path", v); }),
      duration(
          "database.busy_timeout_ms",
          "How long a write waits for another writer before failing with 503",
          [](Config & c) -> auto& { return c.database.busy_timeout; }, 0, 600'000),
      flag(
          "database.auto_migrate", "Apply pending migrations when `laurel serve` starts",
          [](Config & c) -> auto& { return c.database.auto_migrate; }),
      duration(
          "auth.session_ttl_minutes", "Longest life of a login session",
          [](Config & c) -> auto& { return c.auth.session_ttl; }, 1, 366 * 24 * 60),
      duration(
          "auth.session_idle_minutes", "A session unused this long expires",
          [](Config & c) -> auto& { return c.auth.session_idle; }, 1, 366 * 24 * 60),
      number(
          "auth.argon2_opslimit", "argon2id passes over memory when hashing a password",
          [](Config & c) -> auto& { return c.auth.argon2_opslimit; }, 1, 10),
      number(
          "auth.argon2_memlimit_kib", "argon2id memory per password hash (KiB)",
          [](Config & c) -> auto& { return c.auth.argon2_memlimit_kib; }, 8, 4 * 1024 * 1024),
      number(
          "auth.login_max_failures_per_user",
          "Failed logins of one username within the window before it is throttled",
          [](Config & c) -> auto& { return c.auth.login_max_failures_per_user; }, 1, 1000),
      number(
          "auth.login_max_failures_per_ip",
          "Failed logins from one client address within the window before it is throttled",
          [](Config & c) -> auto& { return c.auth.login_max_failures_per_ip; }, 1, 100000),
      duration(
          "auth.login_window_seconds", "The window over which failed logins are counted",
          [](Config & c) -> auto& { return c.auth.login_window; }, 1, kDay),
      flag(
          "auth.cookie_secure",
          "Mark the session cookie Secure (set when Laurel is served over HTTPS)",
          [](Config & c) -> auto& { return c.auth.cookie_secure; }),
      text(
          "log.level", "Least severe log level written: trace, debug, info, warn, error",
          [](Config & c) -> auto& { return c.log.level; }, check_level),
      flag(
          "log.requests", "Write one log line per HTTP request",
          [](Config & c) -> auto& { return c.log.requests; }),
      text(
          "company.timezone",
          "The company's time zone (IANA name): what \"today\" and effective dates mean",
          [](Config & c) -> auto& { return c.company.timezone; },
          [](std::string_view v) -> Status {
            if (auto zone = core::CompanyZone::locate(v); !zone) return zone.error();
            return {};
          }),
      number(
          "crm.visit_edit_days",
          "Days after a visit is recorded during which its author and managers may change it",
          [](Config & c) -> auto& { return c.crm.visit_edit_days; }, 0, 3650),
      number(
          "crm.dormant_after_days",
          "A client holding nothing that has not subscribed for this many days is dormant",
          [](Config & c) -> auto& { return c.crm.dormant_after_days; }, 1, 3650),
      number(
          "recognition.grace_days",
          "Default grace window of new good-news rules: news detected later than this is late",
          [](Config & c) -> auto& { return c.recognition.grace_days; }, 0, 365),
      number(
          "points.expire_after_days",
          "Days spendable points can be spent after the day they are credited (0: never expire)",
          [](Config & c) -> auto& { return c.points.expire_after_days; }, 0, 3650),
      duration(
          "chat.timeout_seconds", "How long a group-chat bot may take to answer one message",
          [](Config & c) -> auto& { return c.chat.timeout; }, 1, 300),
      number(
          "chat.max_attempts",
          "Attempts at a delivery to a group chat before it is dead (until retried by hand)",
          [](Config & c) -> auto& { return c.chat.max_attempts; }, 1, 100),
      duration(
          "chat.retry_base_seconds",
          "The first wait before a failed delivery is tried again; it doubles with every attempt",
          [](Config & c) -> auto& { return c.chat.retry_base; }, 1, 3600),
  };
}

}  // namespace

std::span<const ConfigKey> config_keys() {
  static const std::vector<ConfigKey> keys = build_keys();
  return keys;
}

const ConfigKey* find_config_key(std::string_view name) {
  for (const auto& key : config_keys()) {
    if (key.name == name) return &key;
  }
  return nullptr;
}

std::string environment_name(std::string_view key) {
  std::string name = "LAUREL_";
  for (char ch : key) {
    name += ch == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  return name;
}

}  // namespace laurel::config
