#pragma once
// Laurel's configuration, as one plain struct. Where each value comes from, in rising priority:
// built-in defaults, the TOML file (--config), LAUREL_* environment variables, command-line flags.
// Every key is listed in config_keys.cpp and documented in docs/configuration.md; a test keeps
// the two in step.

#include <chrono>
#include <cstddef>
#include <string>

namespace laurel::config {

struct ServerConfig {
  std::string listen = "127.0.0.1:8080";
  unsigned threads = 0;  // 0: one per core
  std::size_t max_connections = 1024;
  std::size_t header_limit_bytes = 16 * 1024;
  std::size_t body_limit_bytes = 1024 * 1024;  // routes may lower or raise it
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds read_timeout{15};
  std::chrono::seconds write_timeout{30};
  std::chrono::seconds shutdown_grace{15};
  // The live stream (/api/v1/stream): a heartbeat after this long without a message, and how
  // many messages may wait for one client before it is dropped (it reconnects and resumes).
  std::chrono::seconds stream_heartbeat{15};
  std::size_t stream_queue_messages = 1000;
  std::string static_dir = "web/dist";
  // Where users and the group-chat apps reach Laurel from outside ("https://laurel.example.com",
  // no trailing slash); empty: not known, so chat messages go without their pictures.
  std::string public_url;
};

struct DatabaseConfig {
  std::string path = "laurel.db";
  std::chrono::milliseconds busy_timeout{5000};
  bool auto_migrate = true;
};

struct AuthConfig {
  std::chrono::minutes session_ttl{12 * 60};
  std::chrono::minutes session_idle{2 * 60};
  unsigned long long argon2_opslimit = 3;
  std::size_t argon2_memlimit_kib = 64 * 1024;
  unsigned login_max_failures_per_user = 5;
  unsigned login_max_failures_per_ip = 30;
  std::chrono::seconds login_window{15 * 60};
  bool cookie_secure = false;
};

struct LogConfig {
  std::string level = "info";
  bool requests = true;
};

struct CompanyConfig {
  std::string timezone = "Asia/Shanghai";  // what "today" and effective dates mean
};

struct CrmConfig {
  int visit_edit_days = 7;       // how long after recording a visit its author may change it
  int dormant_after_days = 180;  // no holdings and no subscription this long: a dormant client
};

struct RecognitionConfig {
  // Good news detected more than this long after it became true is late (never "today's");
  // points, badges and streaks need activity recorded within it (ARCHITECTURE.md, time rules).
  int grace_days = 3;
};

struct PointsConfig {
  // Spendable points credited on a day can be spent for this many days (crm/points_expiry.hpp);
  // 0: they never expire. Status points, which make levels, never expire.
  int expire_after_days = 365;
};

struct ChatConfig {
  // Delivery of published good news to the group-chat bots (crm/chat_delivery_service.hpp).
  std::chrono::seconds timeout{10};
  int max_attempts = 8;
  std::chrono::seconds retry_base{10};  // doubles per attempt, at most an hour, with jitter
};

struct Config {
  ServerConfig server;
  DatabaseConfig database;
  AuthConfig auth;
  LogConfig log;
  CompanyConfig company;
  CrmConfig crm;
  RecognitionConfig recognition;
  PointsConfig points;
  ChatConfig chat;
};

}  // namespace laurel::config
