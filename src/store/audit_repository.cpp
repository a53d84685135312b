#include "store/audit_repository.hpp"

namespace laurel::store {

core::Result<std::int64_t> AuditRepository::append(const AuditRecord& r) {
  auto rows = db_.query(
      "INSERT INTO audit_log (at, actor_user_id, actor, action, target_type, target_id, "
      "before_json, after_json, client_ip, request_id) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      {r.at, nullable(r.actor_user_id), r.actor, r.action, r.target_type, nullable(r.target_id),
       nullable(r.before_json), nullable(r.after_json), nullable(r.client_ip),
       nullable(r.request_id)});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<std::vector<AuditRecord>> AuditRepository::list(const AuditFilter& f) {
  auto rows = db_.query(
      "SELECT id, at, actor_user_id, actor, action, target_type, target_id, before_json, "
      "after_json, client_ip, request_id FROM audit_log"
      " WHERE ($1 IS NULL OR id < $1)"
      " AND ($2 IS NULL OR actor_user_id = $2)"
      " AND ($3 IS NULL OR action = $3)"
      " AND ($4 IS NULL OR target_type = $4)"
      " AND ($5 IS NULL OR target_id = $5)"
      " AND ($6 IS NULL OR at >= $6)"
      " AND ($7 IS NULL OR at < $7)"
      " ORDER BY id DESC LIMIT $8",
      {nullable(f.before_id), nullable(f.actor_user_id), nullable(f.action),
       nullable(f.target_type), nullable(f.target_id), nullable(f.since), nullable(f.until),
       std::int64_t{f.limit + 1}});
  if (!rows) return rows.error();
  std::vector<AuditRecord> records;
  for (const auto& row : *rows) {
    records.push_back(AuditRecord{row.integer(0), row.integer(1), row.optional_integer(2),
                                  row.text(3), row.text(4), row.text(5), row.optional_text(6),
                                  row.optional_text(7), row.optional_text(8), row.optional_text(9),
                                  row.optional_text(10)});
  }
  return records;
}

}  // namespace laurel::store
