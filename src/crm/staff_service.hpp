#pragma once
// Staff of the sales organisation: who they are, whether they log in (a linked user), their title,
// and which department they belong to on which days. Every change is validated, appended to the
// event log with the record before and after, and committed with it.
//
// Transfers are effective-dated (company-local days): the assignment with the latest
// effective_from on or before a day is the department that day. A transfer may be backdated to
// correct the record; one on the same day as an existing assignment replaces it.

#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/local_date.hpp"
#include "crm/event_log.hpp"
#include "store/staff_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct NewStaff {
  std::string name;
  std::optional<std::string> title;
  std::optional<std::int64_t> user_id;
  std::int64_t department_id = 0;
  std::optional<core::LocalDate> effective_from;  // default: today, company time
};

struct StaffChanges {
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> title;
  std::optional<std::optional<std::int64_t>> user_id;
  std::optional<bool> active;
  std::optional<bool> hide_from_boards;    // the person's own choice (PUT /api/v1/me/board-privacy)
  std::optional<bool> celebrate_publicly;  // and this one (PUT /api/v1/me/celebration)
};

struct StaffView {
  store::StaffRecord staff;
  std::vector<store::Assignment> assignments;  // oldest first
  std::optional<std::int64_t> department_id;   // today's
};

struct StaffPage {
  std::vector<StaffView> staff;
  std::optional<std::int64_t> next_after_id;
};

class StaffService {
 public:
  StaffService(store::Store& store, const core::Clock& clock, core::CompanyZone zone,
               const EventLog& events)
      : store_(store), clock_(clock), zone_(zone), events_(events) {}

  core::Result<StaffView> create(const NewStaff& input, const auth::Actor& actor);
  core::Result<StaffView> update(std::int64_t id, const StaffChanges& changes,
                                 const auth::Actor& actor);
  core::Result<StaffView> transfer(std::int64_t id, std::int64_t department_id,
                                   core::LocalDate effective_from, const auth::Actor& actor);
  core::Result<StaffView> get(std::int64_t id);
  // `filter.as_of` defaults to today when empty.
  core::Result<StaffPage> list(store::StaffFilter filter);

  core::LocalDate today() const { return zone_.date_of(clock_.now()); }

 private:
  core::Result<StaffView> view_of(store::Connection& db, store::StaffRecord staff);

  store::Store& store_;
  const core::Clock& clock_;
  core::CompanyZone zone_;
  const EventLog& events_;
};

boost::json::object staff_to_json(const StaffView& view);

}  // namespace laurel::crm
