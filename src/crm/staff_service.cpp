#include "crm/staff_service.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "auth/user_validation.hpp"
#include "core/timestamp.hpp"
#include "store/department_repository.hpp"
#include "store/user_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;

core::Status validate_text(std::string_view field, const std::string& value, std::size_t min) {
  const auto length = auth::utf8_length(value);
  if (length < min || length > 100) {
    return Error::invalid(std::string(field),
                          "must be " + std::to_string(min) + " to 100 characters");
  }
  if (min > 0 && value.find_first_not_of(' ') == std::string::npos) {
    return Error::invalid(std::string(field), "must not be blank");
  }
  for (char ch : value) {
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) {
      return Error::invalid(std::string(field), "must not contain control characters");
    }
  }
  return {};
}

core::Status check_department(store::Connection& db, std::int64_t id) {
  auto department = store::DepartmentRepository(db).find(id);
  if (!department) return department.error();
  if (!*department) return Error::invalid("department_id", "no department " + std::to_string(id));
  if (!(*department)->active) return Error::invalid("department_id", "that department is inactive");
  return {};
}

core::Status check_user(store::Connection& db, std::int64_t id) {
  auto user = store::UserRepository(db).find_by_id(id);
  if (!user) return user.error();
  if (!*user) return Error::invalid("user_id", "no user " + std::to_string(id));
  return {};
}

core::Result<store::StaffRecord> load(store::Connection& db, std::int64_t id) {
  auto found = store::StaffRepository(db).find(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no staff member " + std::to_string(id));
  return std::move(**found);
}

}  // namespace

boost::json::object staff_to_json(const StaffView& view) {
  const auto& s = view.staff;
  boost::json::array assignments;
  for (const auto& a : view.assignments) {
    assignments.push_back(boost::json::object{{"department_id", a.department_id},
                                              {"effective_from", a.effective_from}});
  }
  return {{"id", s.id},
          {"user_id", s.user_id ? boost::json::value(*s.user_id) : nullptr},
          {"name", s.name},
          {"title", s.title ? boost::json::value(*s.title) : nullptr},
          {"active", s.active},
          {"hide_from_boards", s.hide_from_boards},
          {"celebrate_publicly", s.celebrate_publicly},
          {"department_id", view.department_id ? boost::json::value(*view.department_id) : nullptr},
          {"assignments", std::move(assignments)},
          {"created_at", core::format_rfc3339(core::from_micros(s.created_at))},
          {"updated_at", core::format_rfc3339(core::from_micros(s.updated_at))}};
}

core::Result<StaffView> StaffService::view_of(store::Connection& db, store::StaffRecord staff) {
  store::StaffRepository repository(db);
  auto assignments = repository.assignments(staff.id);
  if (!assignments) return assignments.error();
  auto department = repository.department_on(staff.id, core::format_date(today()));
  if (!department) return department.error();
  return StaffView{std::move(staff), std::move(*assignments), *department};
}

core::Result<StaffView> StaffService::create(const NewStaff& input, const auth::Actor& actor) {
  if (auto s = validate_text("name", input.name, 1); !s) return s.error();
  if (input.title) {
    if (auto s = validate_text("title", *input.title, 0); !s) return s.error();
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  if (auto s = check_department(db, input.department_id); !s) return s.error();
  if (input.user_id) {
    if (auto s = check_user(db, *input.user_id); !s) return s.error();
  }
  store::StaffRecord staff;
  staff.name = input.name;
  staff.title = input.title;
  staff.user_id = input.user_id;
  staff.created_at = staff.updated_at = core::to_micros(clock_.now());
  store::StaffRepository repository(db);
  auto id = repository.insert(staff);
  if (!id) return id.error();
  staff.id = *id;
  const auto from = core::format_date(input.effective_from.value_or(today()));
  if (auto s = repository.assign(staff.id, {input.department_id, from}); !s) return s.error();
  auto view = view_of(db, staff);
  if (!view) return view.error();
  if (auto seq = events_.append(db, actor,
                                {"staff.created", "staff", std::to_string(staff.id), std::nullopt,
                                 staff_to_json(*view), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return view;
}

core::Result<StaffView> StaffService::update(std::int64_t id, const StaffChanges& changes,
                                             const auth::Actor& actor) {
  if (changes.name) {
    if (auto s = validate_text("name", *changes.name, 1); !s) return s.error();
  }
  if (changes.title && *changes.title) {
    if (auto s = validate_text("title", **changes.title, 0); !s) return s.error();
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto found = load(db, id);
  if (!found) return found.error();
  auto before = view_of(db, *found);
  if (!before) return before.error();
  store::StaffRecord after = *found;
  if (changes.name) after.name = *changes.name;
  if (changes.title) after.title = *changes.title;
  if (changes.user_id) {
    after.user_id = *changes.user_id;
    if (after.user_id && after.user_id != found->user_id) {
      if (auto s = check_user(db, *after.user_id); !s) return s.error();
    }
  }
  if (changes.active) after.active = *changes.active;
  if (changes.hide_from_boards) after.hide_from_boards = *changes.hide_from_boards;
  if (changes.celebrate_publicly) after.celebrate_publicly = *changes.celebrate_publicly;
  if (after.name == found->name && after.title == found->title && after.user_id == found->user_id &&
      after.active == found->active && after.hide_from_boards == found->hide_from_boards &&
      after.celebrate_publicly == found->celebrate_publicly) {
    return before;  // nothing changes: no event
  }
  after.updated_at = core::to_micros(clock_.now());
  if (auto s = store::StaffRepository(db).update(after); !s) return s.error();
  auto view = view_of(db, after);
  if (!view) return view.error();
  if (auto seq = events_.append(db, actor,
                                {"staff.updated", "staff", std::to_string(id),
                                 staff_to_json(*before), staff_to_json(*view), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return view;
}

core::Result<StaffView> StaffService::transfer(std::int64_t id, std::int64_t department_id,
                                               core::LocalDate effective_from,
                                               const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto found = load(db, id);
  if (!found) return found.error();
  if (auto s = check_department(db, department_id); !s) return s.error();
  auto before = view_of(db, *found);
  if (!before) return before.error();
  const auto from = core::format_date(effective_from);
  for (const auto& a : before->assignments) {
    if (a.effective_from == from && a.department_id == department_id) return before;  // no-op
  }
  if (auto s = store::StaffRepository(db).assign(id, {department_id, from}); !s) return s.error();
  auto view = view_of(db, *found);
  if (!view) return view.error();
  // The transfer's own day is when it takes effect in the world.
  const auto occurred = zone_.start_of(effective_from);
  if (auto seq = events_.append(db, actor,
                                {"staff.transferred", "staff", std::to_string(id),
                                 staff_to_json(*before), staff_to_json(*view), occurred});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return view;
}

core::Result<StaffView> StaffService::get(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto found = load(**connection, id);
  if (!found) return found.error();
  return view_of(**connection, std::move(*found));
}

core::Result<StaffPage> StaffService::list(store::StaffFilter filter) {
  if (filter.as_of.empty()) filter.as_of = core::format_date(today());
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto staff = store::StaffRepository(**connection).list(filter);
  if (!staff) return staff.error();
  StaffPage page;
  if (staff->size() > static_cast<std::size_t>(filter.limit)) {
    staff->pop_back();
    page.next_after_id = staff->back().id;
  }
  for (auto& s : *staff) {
    auto view = view_of(**connection, std::move(s));
    if (!view) return view.error();
    page.staff.push_back(std::move(*view));
  }
  return page;
}

}  // namespace laurel::crm
