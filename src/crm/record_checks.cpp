#include "crm/record_checks.hpp"

#include <string>

namespace laurel::crm {
namespace {

struct KindInfo {
  std::string_view table;
  std::string_view noun;
};

KindInfo info(RecordKind kind) {
  switch (kind) {
    case RecordKind::client:
      return {"clients", "client"};
    case RecordKind::product:
      return {"products", "product"};
    case RecordKind::department:
      return {"departments", "department"};
    case RecordKind::staff:
      return {"staff", "staff member"};
    case RecordKind::campaign:
      return {"campaigns", "campaign"};
    case RecordKind::picture:
      return {"pictures", "picture"};
  }
  return {"clients", "client"};
}

}  // namespace

core::Status check_exists(store::Connection& db, RecordKind kind, std::string_view field,
                          std::int64_t id) {
  const auto [table, noun] = info(kind);
  auto rows = db.query("SELECT 1 FROM " + std::string(table) + " WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) {
    return core::Error::invalid(std::string(field),
                                "no " + std::string(noun) + " " + std::to_string(id));
  }
  return {};
}

core::Status check_all_exist(store::Connection& db, RecordKind kind, std::string_view field,
                             std::span<const std::int64_t> ids) {
  for (auto id : ids) {
    if (auto s = check_exists(db, kind, field, id); !s) return s;
  }
  return {};
}

core::Status check_each_exists(store::Connection& db, RecordKind kind, std::string_view field,
                               std::span<const std::int64_t> ids) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto at = std::string(field) + "[" + std::to_string(i) + "]";
    if (auto s = check_exists(db, kind, at, ids[i]); !s) return s;
  }
  return {};
}

}  // namespace laurel::crm
