#pragma once
// A client's org chart: units as a tree. A unit's parent belongs to the same client and is never
// the unit itself or one of its descendants; moving a unit (a new parent) moves its whole
// subtree with it, because children point to their parent. A unit is deleted only when empty
// (no sub-units, no key people), so nobody silently loses their place. Every change appends
// org_unit.created / .updated / .deleted with the unit before and after.

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "crm/event_log.hpp"
#include "store/org_unit_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct NewOrgUnit {
  std::int64_t client_id = 0;
  std::optional<std::int64_t> parent_id;
  std::string name;
};

struct OrgUnitChanges {
  std::optional<std::string> name;
  std::optional<std::optional<std::int64_t>> parent_id;  // null: a top-level unit
};

class OrgChartService {
 public:
  OrgChartService(store::Store& store, const core::Clock& clock, const EventLog& events)
      : store_(store), clock_(clock), events_(events) {}

  core::Result<store::OrgUnitRecord> create(const NewOrgUnit& input, const auth::Actor& actor);
  core::Result<store::OrgUnitRecord> update(std::int64_t id, const OrgUnitChanges& changes,
                                            const auth::Actor& actor);
  core::Status remove(std::int64_t id, const auth::Actor& actor);
  core::Result<store::OrgUnitRecord> get(std::int64_t id);
  // The client's units, by id (404 for an unknown client).
  core::Result<std::vector<store::OrgUnitRecord>> units_of(std::int64_t client_id);

 private:
  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
};

boost::json::object org_unit_to_json(const store::OrgUnitRecord& unit);

// Checks that `parent` may be the parent of `child` among `parent_of` links of one client:
// following parents up from `parent` never reaches `child`. Returns the error to report on
// `field` otherwise. Shared by org units and key people's reporting lines.
template <class ParentOf>
core::Status check_no_cycle(std::string_view field, std::int64_t child, std::int64_t parent,
                            ParentOf parent_of) {
  std::size_t steps = 0;
  for (std::optional<std::int64_t> at = parent; at; at = parent_of(*at)) {
    if (*at == child || ++steps > 100000) {
      return core::Error::invalid(std::string(field), "would make a cycle");
    }
  }
  return {};
}

}  // namespace laurel::crm
