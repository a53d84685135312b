#pragma once
// Clients (institutions) as stored (migration 0006). Validation lives in crm::ClientService.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct ClientRecord {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> short_name;
  std::string registration_code;
  std::string type;
  std::optional<std::string> region;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> merged_into;  // set once an admin merged it into another client
};

struct ClientFilter {
  std::optional<std::string> type;
  std::optional<std::string> region;
  // Words that must all appear in the name, short name, registration code or pinyin keys
  // (store/text_query.hpp): "招商", "zsyh", "zhaoshang", "91440300".
  std::optional<std::string> search;
  std::int64_t after_id = 0;
  int limit = 50;
};

// The pinyin keys a client is found by: the initials of every likely reading of its name and
// short name, then their full pinyin ("zsyx zsyh zhaoshangyinxing zh zx zhaoxing").
std::string client_search_keys(std::string_view name, const std::optional<std::string>& short_name);

class ClientRepository {
 public:
  explicit ClientRepository(Connection& connection) : db_(connection) {}

  // A taken registration code is Errc::conflict on field "registration_code"; the caller finds
  // the existing client with find_by_registration_code to point to it.
  core::Result<std::int64_t> insert(const ClientRecord& client);
  core::Status update(const ClientRecord& client);
  core::Result<std::optional<ClientRecord>> find(std::int64_t id);
  core::Result<std::optional<ClientRecord>> find_by_registration_code(std::string_view code);
  // Ordered by id; up to limit + 1 rows.
  // Clients not merged into another, ordered by id.
  core::Result<std::vector<ClientRecord>> list(const ClientFilter& filter);
  core::Status mark_merged(std::int64_t id, std::int64_t into, std::int64_t at);
  // Writes the pinyin keys of clients stored before search existed; returns how many.
  core::Result<std::size_t> fill_search_keys();

 private:
  Connection& db_;
};

}  // namespace laurel::store
