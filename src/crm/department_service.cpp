#include "crm/department_service.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <map>

#include "auth/user_validation.hpp"
#include "core/timestamp.hpp"

namespace laurel::crm {
namespace {

using core::Error;
using store::DepartmentRecord;

core::Status validate_name(const std::string& name) {
  const auto length = auth::utf8_length(name);
  if (length < 1 || length > 100) return Error::invalid("name", "must be 1 to 100 characters");
  if (name.find_first_not_of(' ') == std::string::npos) {
    return Error::invalid("name", "must not be blank");
  }
  if (name.front() == ' ' || name.back() == ' ') {
    return Error::invalid("name", "must not start or end with a space");
  }
  if (std::any_of(name.begin(), name.end(), [](char ch) {
        return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f || ch == '/';
      })) {
    return Error::invalid("name", "must not contain control characters or '/'");
  }
  return {};
}

boost::json::object record_json(const DepartmentRecord& d) {
  return {{"id", d.id},
          {"name", d.name},
          {"parent_id", d.parent_id ? boost::json::value(*d.parent_id) : nullptr},
          {"active", d.active},
          {"created_at", core::format_rfc3339(core::from_micros(d.created_at))},
          {"updated_at", core::format_rfc3339(core::from_micros(d.updated_at))}};
}

using ById = std::map<std::int64_t, DepartmentRecord>;

core::Result<ById> load_all(store::Connection& db) {
  auto all = store::DepartmentRepository(db).all();
  if (!all) return all.error();
  ById by_id;
  for (auto& d : *all)
    by_id.emplace(d.id, std::move(d));
  return by_id;
}

std::vector<std::string> path_of(const ById& by_id, std::int64_t id) {
  std::vector<std::string> path;
  std::optional<std::int64_t> at = id;
  // The tree has no cycles (the service refuses them); the bound guards against a damaged one.
  for (std::size_t hops = 0; at && hops <= by_id.size(); ++hops) {
    auto it = by_id.find(*at);
    if (it == by_id.end()) break;
    path.push_back(it->second.name);
    at = it->second.parent_id;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

// Whether `candidate` is `id` or lies below it.
bool is_within(const ById& by_id, std::int64_t candidate, std::int64_t id) {
  std::optional<std::int64_t> at = candidate;
  for (std::size_t hops = 0; at && hops <= by_id.size(); ++hops) {
    if (*at == id) return true;
    auto it = by_id.find(*at);
    if (it == by_id.end()) return false;
    at = it->second.parent_id;
  }
  return false;
}

core::Status check_parent(const ById& by_id, std::int64_t parent_id) {
  auto it = by_id.find(parent_id);
  if (it == by_id.end()) {
    return Error::invalid("parent_id", "no department " + std::to_string(parent_id));
  }
  if (!it->second.active) return Error::invalid("parent_id", "that department is inactive");
  return {};
}

}  // namespace

boost::json::object department_to_json(const DepartmentView& view) {
  auto json = record_json(view.department);
  boost::json::array path;
  for (const auto& name : view.path)
    path.emplace_back(name);
  json["path"] = std::move(path);
  return json;
}

core::Result<DepartmentView> DepartmentService::create(const NewDepartment& input,
                                                       const auth::Actor& actor) {
  if (auto s = validate_name(input.name); !s) return s.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto by_id = load_all(db);
  if (!by_id) return by_id.error();
  if (input.parent_id) {
    if (auto s = check_parent(*by_id, *input.parent_id); !s) return s.error();
  }
  DepartmentRecord department;
  department.name = input.name;
  department.parent_id = input.parent_id;
  department.created_at = department.updated_at = core::to_micros(clock_.now());
  auto id = store::DepartmentRepository(db).insert(department);
  if (!id) return id.error();
  department.id = *id;
  if (auto seq = events_.append(db, actor,
                                {"department.created", "department", std::to_string(*id),
                                 std::nullopt, record_json(department), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  by_id->emplace(department.id, department);
  return DepartmentView{department, path_of(*by_id, department.id)};
}

core::Result<DepartmentView> DepartmentService::update(std::int64_t id,
                                                       const DepartmentChanges& changes,
                                                       const auth::Actor& actor) {
  if (changes.name) {
    if (auto s = validate_name(*changes.name); !s) return s.error();
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto by_id = load_all(db);
  if (!by_id) return by_id.error();
  auto found = by_id->find(id);
  if (found == by_id->end()) return Error::not_found("no department " + std::to_string(id));
  const DepartmentRecord before = found->second;
  DepartmentRecord after = before;
  if (changes.name) after.name = *changes.name;
  if (changes.parent_id) {
    after.parent_id = *changes.parent_id;
    if (after.parent_id && after.parent_id != before.parent_id) {
      if (is_within(*by_id, *after.parent_id, id)) {
        return Error::invalid("parent_id",
                              "a department cannot move under itself or its own sub-department");
      }
      if (auto s = check_parent(*by_id, *after.parent_id); !s) return s.error();
    }
  }
  if (changes.active) after.active = *changes.active;
  if (before.active && !after.active) {
    auto children = store::DepartmentRepository(db).count_active_children(id);
    if (!children) return children.error();
    if (*children > 0) {
      return Error::conflict(
          "deactivate or move its " + std::to_string(*children) + " active sub-department(s) first",
          "active");
    }
  }
  if (!before.active && after.active && after.parent_id) {
    if (auto s = check_parent(*by_id, *after.parent_id); !s) return s.error();
  }
  if (after.name == before.name && after.parent_id == before.parent_id &&
      after.active == before.active) {
    return DepartmentView{before, path_of(*by_id, id)};  // nothing changes: no event
  }
  after.updated_at = core::to_micros(clock_.now());
  if (auto s = store::DepartmentRepository(db).update(after); !s) return s.error();
  if (auto seq = events_.append(db, actor,
                                {"department.updated", "department", std::to_string(id),
                                 record_json(before), record_json(after), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  found->second = after;
  return DepartmentView{after, path_of(*by_id, id)};
}

core::Result<DepartmentView> DepartmentService::get(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto by_id = load_all(**connection);
  if (!by_id) return by_id.error();
  auto found = by_id->find(id);
  if (found == by_id->end()) return Error::not_found("no department " + std::to_string(id));
  return DepartmentView{found->second, path_of(*by_id, id)};
}

core::Result<std::vector<DepartmentView>> DepartmentService::list(std::optional<bool> active) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto by_id = load_all(**connection);
  if (!by_id) return by_id.error();
  std::vector<DepartmentView> views;
  for (const auto& [id, department] : *by_id) {
    if (active && department.active != *active) continue;
    views.push_back({department, path_of(*by_id, id)});
  }
  // Tree order: comparing paths puts a parent before its children and siblings by name.
  std::sort(views.begin(), views.end(), [](const DepartmentView& a, const DepartmentView& b) {
    return std::tie(a.path, a.department.id) < std::tie(b.path, b.department.id);
  });
  return views;
}

}  // namespace laurel::crm
