#include "store/client_repository.hpp"

#include "core/pinyin.hpp"
#include "store/text_query.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "id, name, short_name, registration_code, type, region, created_at, updated_at, merged_into";

ClientRecord client_of(const Row& r) {
  return ClientRecord{r.integer(0), r.text(1),    r.optional_text(2),
                      r.text(3),    r.text(4),    r.optional_text(5),
                      r.integer(6), r.integer(7), r.optional_integer(8)};
}

core::Result<std::optional<ClientRecord>> first(core::Result<Rows> rows) {
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ClientRecord>();
  return std::optional<ClientRecord>(client_of(rows->front()));
}

core::Error translated(const core::Error& error) {
  if (is_unique_violation(error)) {
    return core::Error::conflict("a client with this registration code exists",
                                 "registration_code");
  }
  return error;
}

}  // namespace

std::string client_search_keys(std::string_view name,
                               const std::optional<std::string>& short_name) {
  std::string keys;
  const auto add = [&keys](std::string_view text) {
    for (const auto& initials : core::pinyin_initials(text)) {
      if (!initials.empty()) keys += (keys.empty() ? "" : " ") + initials;
    }
    if (auto full = core::pinyin_full(text); !full.empty()) keys += " " + full;
  };
  add(name);
  if (short_name) add(*short_name);
  return keys;
}

core::Result<std::int64_t> ClientRepository::insert(const ClientRecord& c) {
  auto rows = db_.query(
      "INSERT INTO clients (name, short_name, registration_code, type, region, created_at, "
      "updated_at, search_keys) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {c.name, nullable(c.short_name), c.registration_code, c.type, nullable(c.region),
       c.created_at, c.updated_at, client_search_keys(c.name, c.short_name)});
  if (!rows) return translated(rows.error());
  return rows->front().integer(0);
}

core::Status ClientRepository::update(const ClientRecord& c) {
  auto rows = db_.query(
      "UPDATE clients SET name = $2, short_name = $3, registration_code = $4, type = $5, "
      "region = $6, updated_at = $7, search_keys = $8 WHERE id = $1",
      {c.id, c.name, nullable(c.short_name), c.registration_code, c.type, nullable(c.region),
       c.updated_at, client_search_keys(c.name, c.short_name)});
  if (!rows) return translated(rows.error());
  if (rows->changes == 0) return core::Error::not_found("no client " + std::to_string(c.id));
  return {};
}

core::Result<std::optional<ClientRecord>> ClientRepository::find(std::int64_t id) {
  return first(db_.query("SELECT " + std::string(kColumns) + " FROM clients WHERE id = $1", {id}));
}

core::Result<std::optional<ClientRecord>> ClientRepository::find_by_registration_code(
    std::string_view code) {
  return first(
      db_.query("SELECT " + std::string(kColumns) + " FROM clients WHERE registration_code = $1",
                {text(code)}));
}

core::Result<std::vector<ClientRecord>> ClientRepository::list(const ClientFilter& f) {
  std::vector<Value> params{f.after_id, nullable(f.type), nullable(f.region),
                            std::int64_t{f.limit + 1}};
  const auto search =
      f.search ? text_condition(parse_text_query(*f.search), "client_search", "id",
                                "lower(name || ' ' || COALESCE(short_name, '') || ' ' ||"
                                " registration_code || ' ' || COALESCE(search_keys, ''))",
                                params)
               : std::string();
  auto rows = db_.query("SELECT " + std::string(kColumns) +
                            " FROM clients WHERE id > $1 AND merged_into IS NULL"
                            " AND ($2 IS NULL OR type = $2)"
                            " AND ($3 IS NULL OR region = $3)" +
                            search + " ORDER BY id LIMIT $4",
                        params);
  if (!rows) return rows.error();
  std::vector<ClientRecord> clients;
  clients.reserve(rows->size());
  for (const auto& row : *rows)
    clients.push_back(client_of(row));
  return clients;
}

core::Status ClientRepository::mark_merged(std::int64_t id, std::int64_t into, std::int64_t at) {
  auto rows = db_.query("UPDATE clients SET merged_into = $2, updated_at = $3 WHERE id = $1",
                        {id, into, at});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::size_t> ClientRepository::fill_search_keys() {
  auto rows = db_.query("SELECT id, name, short_name FROM clients WHERE search_keys IS NULL");
  if (!rows) return rows.error();
  for (const auto& r : *rows) {
    auto updated = db_.query("UPDATE clients SET search_keys = $2 WHERE id = $1",
                             {r.integer(0), client_search_keys(r.text(1), r.optional_text(2))});
    if (!updated) return updated.error();
  }
  return rows->size();
}

}  // namespace laurel::store
