#include "store/client_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "id, name, short_name, registration_code, type, region, created_at, updated_at";

ClientRecord client_of(const Row& r) {
  return ClientRecord{r.integer(0), r.text(1),          r.optional_text(2), r.text(3),
                      r.text(4),    r.optional_text(5), r.integer(6),       r.integer(7)};
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

core::Result<std::int64_t> ClientRepository::insert(const ClientRecord& c) {
  auto rows = db_.query(
      "INSERT INTO clients (name, short_name, registration_code, type, region, created_at, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {c.name, nullable(c.short_name), c.registration_code, c.type, nullable(c.region),
       c.created_at, c.updated_at});
  if (!rows) return translated(rows.error());
  return rows->front().integer(0);
}

core::Status ClientRepository::update(const ClientRecord& c) {
  auto rows = db_.query(
      "UPDATE clients SET name = $2, short_name = $3, registration_code = $4, type = $5, "
      "region = $6, updated_at = $7 WHERE id = $1",
      {c.id, c.name, nullable(c.short_name), c.registration_code, c.type, nullable(c.region),
       c.updated_at});
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
  auto rows = db_.query("SELECT " + std::string(kColumns) +
                            " FROM clients WHERE id > $1"
                            " AND ($2 IS NULL OR type = $2)"
                            " AND ($3 IS NULL OR region = $3)"
                            " AND ($4 IS NULL OR instr(name, $4) > 0"
                            "      OR instr(COALESCE(short_name, ''), $4) > 0"
                            "      OR instr(registration_code, upper($4)) > 0)"
                            " ORDER BY id LIMIT $5",
                        {f.after_id, nullable(f.type), nullable(f.region), nullable(f.search),
                         std::int64_t{f.limit + 1}});
  if (!rows) return rows.error();
  std::vector<ClientRecord> clients;
  clients.reserve(rows->size());
  for (const auto& row : *rows)
    clients.push_back(client_of(row));
  return clients;
}

}  // namespace laurel::store
