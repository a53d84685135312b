#include "crm/org_chart_service.hpp"

#include <unordered_map>

#include "core/timestamp.hpp"
#include "crm/text_rules.hpp"
#include "store/client_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;

core::Result<store::OrgUnitRecord> load(store::Connection& db, std::int64_t id) {
  auto found = store::OrgUnitRepository(db).find(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no org unit " + std::to_string(id));
  return std::move(**found);
}

core::Status check_client(store::Connection& db, std::int64_t client_id) {
  auto client = store::ClientRepository(db).find(client_id);
  if (!client) return client.error();
  if (!*client) return Error::not_found("no client " + std::to_string(client_id));
  return {};
}

// The parent exists, belongs to the same client and is not under the unit (unit_id 0: new).
core::Status check_parent(store::Connection& db, std::int64_t client_id, std::int64_t unit_id,
                          std::int64_t parent_id) {
  auto units = store::OrgUnitRepository(db).of_client(client_id);
  if (!units) return units.error();
  std::unordered_map<std::int64_t, std::optional<std::int64_t>> parent_of;
  for (const auto& u : *units)
    parent_of.emplace(u.id, u.parent_id);
  if (!parent_of.contains(parent_id)) {
    return Error::invalid("parent_id",
                          "must be an org unit of client " + std::to_string(client_id));
  }
  return check_no_cycle("parent_id", unit_id, parent_id,
                        [&](std::int64_t id) { return parent_of.at(id); });
}

core::Status append(const EventLog& events, store::Connection& db, const auth::Actor& actor,
                    std::string type, std::int64_t id,
                    const std::optional<store::OrgUnitRecord>& before,
                    const std::optional<store::OrgUnitRecord>& after) {
  CrmEvent event{std::move(type), "org_unit",   std::to_string(id),
                 std::nullopt,    std::nullopt, std::nullopt};
  if (before) event.before = org_unit_to_json(*before);
  if (after) event.after = org_unit_to_json(*after);
  auto seq = events.append(db, actor, event);
  if (!seq) return seq.error();
  return {};
}

}  // namespace

boost::json::object org_unit_to_json(const store::OrgUnitRecord& u) {
  return {{"id", u.id},
          {"client_id", u.client_id},
          {"parent_id", u.parent_id ? boost::json::value(*u.parent_id) : nullptr},
          {"name", u.name},
          {"created_at", core::format_rfc3339(core::from_micros(u.created_at))},
          {"updated_at", core::format_rfc3339(core::from_micros(u.updated_at))}};
}

core::Result<store::OrgUnitRecord> OrgChartService::create(const NewOrgUnit& input,
                                                           const auth::Actor& actor) {
  if (auto s = check_text("name", input.name, 100); !s) return s.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  if (auto s = check_client(db, input.client_id); !s) return s.error();
  if (input.parent_id) {
    if (auto s = check_parent(db, input.client_id, 0, *input.parent_id); !s) return s.error();
  }
  store::OrgUnitRecord unit{0, input.client_id, input.parent_id, input.name, 0, 0};
  unit.created_at = unit.updated_at = core::to_micros(clock_.now());
  auto id = store::OrgUnitRepository(db).insert(unit);
  if (!id) return id.error();
  unit.id = *id;
  if (auto s = append(events_, db, actor, "org_unit.created", unit.id, std::nullopt, unit); !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return unit;
}

core::Result<store::OrgUnitRecord> OrgChartService::update(std::int64_t id,
                                                           const OrgUnitChanges& changes,
                                                           const auth::Actor& actor) {
  if (changes.name) {
    if (auto s = check_text("name", *changes.name, 100); !s) return s.error();
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto before = load(db, id);
  if (!before) return before.error();
  auto after = *before;
  if (changes.name) after.name = *changes.name;
  if (changes.parent_id) after.parent_id = *changes.parent_id;
  if (after.parent_id && after.parent_id != before->parent_id) {
    if (auto s = check_parent(db, after.client_id, id, *after.parent_id); !s) return s.error();
  }
  if (after.name == before->name && after.parent_id == before->parent_id) return before;
  after.updated_at = core::to_micros(clock_.now());
  if (auto s = store::OrgUnitRepository(db).update(after); !s) return s.error();
  if (auto s = append(events_, db, actor, "org_unit.updated", id, *before, after); !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return after;
}

core::Status OrgChartService::remove(std::int64_t id, const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto before = load(db, id);
  if (!before) return before.error();
  store::OrgUnitRepository units(db);
  auto children = units.children(id);
  if (!children) return children.error();
  if (*children > 0) {
    return Error::conflict("the org unit still has sub-units or key people; move them first");
  }
  if (auto s = units.remove(id); !s) return s;
  if (auto s = append(events_, db, actor, "org_unit.deleted", id, *before, std::nullopt); !s) {
    return s;
  }
  return write->commit();
}

core::Result<store::OrgUnitRecord> OrgChartService::get(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  return load(**connection, id);
}

core::Result<std::vector<store::OrgUnitRecord>> OrgChartService::units_of(std::int64_t client_id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  if (auto s = check_client(**connection, client_id); !s) return s.error();
  return store::OrgUnitRepository(**connection).of_client(client_id);
}

}  // namespace laurel::crm
