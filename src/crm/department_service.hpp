#pragma once
// The sales organisation's departments: a tree of named units. Every change is validated,
// appended to the event log with the department before and after, and committed with it.
//
// Rules: names are 1 to 100 characters and unique among siblings; a department's parent must
// exist and be active; moving a department under itself or one of its descendants is refused
// (no cycles); a department with active sub-departments cannot be deactivated.

#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "crm/event_log.hpp"
#include "store/department_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct NewDepartment {
  std::string name;
  std::optional<std::int64_t> parent_id;  // none: a top-level department
};

struct DepartmentChanges {
  std::optional<std::string> name;
  std::optional<std::optional<std::int64_t>> parent_id;  // inner none: move to the top level
  std::optional<bool> active;
};

// A department with where it sits in the tree.
struct DepartmentView {
  store::DepartmentRecord department;
  std::vector<std::string> path;  // names from the top down to this one, inclusive
};

class DepartmentService {
 public:
  DepartmentService(store::Store& store, const core::Clock& clock, const EventLog& events)
      : store_(store), clock_(clock), events_(events) {}

  core::Result<DepartmentView> create(const NewDepartment& input, const auth::Actor& actor);
  core::Result<DepartmentView> update(std::int64_t id, const DepartmentChanges& changes,
                                      const auth::Actor& actor);
  core::Result<DepartmentView> get(std::int64_t id);
  // Every department, in tree order: parents before children, siblings by name.
  core::Result<std::vector<DepartmentView>> list(std::optional<bool> active);

 private:
  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
};

boost::json::object department_to_json(const DepartmentView& view);

}  // namespace laurel::crm
