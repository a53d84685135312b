#pragma once
// Events pushed by external systems, by their sender's id (migration 0024).

#include <cstdint>
#include <optional>
#include <string>

#include "store/connection.hpp"

namespace laurel::store {

struct ExternalEventRecord {
  std::int64_t sender_user_id = 0;
  std::string event_id;
  std::string type;
  std::string fingerprint;
  std::string entity_type;
  std::string entity_id;
  std::int64_t received_at = 0;
};

class ExternalEventRepository {
 public:
  explicit ExternalEventRepository(Connection& connection) : db_(connection) {}

  core::Result<std::optional<ExternalEventRecord>> find(std::int64_t sender_user_id,
                                                        std::string_view event_id);
  core::Status insert(const ExternalEventRecord& event);

 private:
  Connection& db_;
};

}  // namespace laurel::store
