#include "crm/visit_service.hpp"

#include <algorithm>
#include <array>
#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>
#include <set>

#include "core/timestamp.hpp"
#include "crm/product_service.hpp"
#include "crm/text_rules.hpp"
#include "store/client_repository.hpp"
#include "store/key_person_repository.hpp"
#include "store/product_repository.hpp"
#include "store/staff_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;

constexpr std::array<std::string_view, 5> kKinds = {"visit", "call", "meeting", "roadshow",
                                                    "online"};
constexpr std::size_t kMaxAttendees = 50;
constexpr std::size_t kMaxStaff = 20;
constexpr std::size_t kMaxProducts = 20;
constexpr std::size_t kMaxNotes = 10'000;
constexpr std::size_t kMaxNextStep = 1'000;

core::Status check_distinct(std::string_view field, std::vector<std::int64_t> ids,
                            std::size_t max) {
  if (ids.size() > max) {
    return Error::invalid(std::string(field), "at most " + std::to_string(max) + " entries");
  }
  std::sort(ids.begin(), ids.end());
  if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) {
    return Error::invalid(std::string(field), "names the same id twice");
  }
  return {};
}

// The draft's own rules, before any lookup.
core::Status check_draft(const VisitInput& v, core::Timestamp now, const core::CompanyZone& zone) {
  if (auto s = check_one_of("kind", v.kind, kKinds); !s) return s;
  if (v.occurred_at > now + VisitService::kClockSkew) {
    return Error::invalid("occurred_at", "is in the future");
  }
  if (v.occurred_at < core::from_micros(946'684'800'000'000)) {  // 2000-01-01T00:00:00Z
    return Error::invalid("occurred_at", "is before 2000");
  }
  if (auto s = check_long_text("notes", v.notes, kMaxNotes); !s) return s;
  if (v.next_step) {
    if (auto s = check_long_text("next_step", *v.next_step, kMaxNextStep); !s) return s;
  }
  if (v.follow_up_date && *v.follow_up_date < zone.date_of(v.occurred_at)) {
    return Error::invalid("follow_up_date", "is before the visit");
  }
  if (auto s = check_distinct("attendee_ids", v.attendee_ids, kMaxAttendees); !s) return s;
  if (v.staff_ids) {
    if (v.staff_ids->empty()) return Error::invalid("staff_ids", "must name at least one person");
    if (auto s = check_distinct("staff_ids", *v.staff_ids, kMaxStaff); !s) return s;
  }
  return check_distinct("product_ids", v.product_ids, kMaxProducts);
}

struct Caller {
  const auth::Principal& principal;
  const DataScope& scope;
};

// The visit a draft describes, with its references checked against the database: the client,
// its (not erased) key people, existing staff with their departments that day, products.
core::Result<store::VisitRecord> build(store::Connection& db, const core::CompanyZone& zone,
                                       const VisitInput& v, const Caller& caller) {
  auto client = store::ClientRepository(db).find(v.client_id);
  if (!client) return client.error();
  if (!*client) return Error::invalid("client_id", "no client " + std::to_string(v.client_id));
  store::VisitRecord visit;
  visit.external_id = v.external_id;
  visit.client_id = v.client_id;
  visit.kind = v.kind;
  visit.occurred_at = core::to_micros(v.occurred_at);
  visit.occurred_date = core::format_date(zone.date_of(v.occurred_at));
  visit.notes = v.notes;
  visit.next_step = v.next_step;
  if (v.follow_up_date) visit.follow_up_date = core::format_date(*v.follow_up_date);

  store::KeyPersonRepository people(db);
  for (std::size_t i = 0; i < v.attendee_ids.size(); ++i) {
    const auto id = v.attendee_ids[i];
    auto person = people.find(id);
    if (!person) return person.error();
    const auto field = "attendee_ids[" + std::to_string(i) + "]";
    if (!*person || (*person)->client_id != v.client_id) {
      return Error::invalid(field, "key person " + std::to_string(id) + " is not of client " +
                                       std::to_string(v.client_id));
    }
    if ((*person)->erased_at) {
      return Error::invalid(field, "key person " + std::to_string(id) + " was erased");
    }
  }
  visit.attendee_ids = v.attendee_ids;
  std::sort(visit.attendee_ids.begin(), visit.attendee_ids.end());

  std::vector<std::int64_t> staff_ids;
  if (v.staff_ids) {
    staff_ids = *v.staff_ids;
  } else if (caller.scope.staff_id) {
    staff_ids = {*caller.scope.staff_id};
  } else {
    return Error::invalid("staff_ids", "is required: you have no staff record of your own");
  }
  if (caller.principal.role == auth::Role::sales &&
      std::find(staff_ids.begin(), staff_ids.end(), caller.scope.staff_id) == staff_ids.end()) {
    return Error::invalid("staff_ids", "must include you: salespeople record their own visits");
  }
  std::sort(staff_ids.begin(), staff_ids.end());
  store::StaffRepository staff(db);
  for (auto id : staff_ids) {
    auto found = staff.find(id);
    if (!found) return found.error();
    if (!*found) return Error::invalid("staff_ids", "no staff member " + std::to_string(id));
    auto department = staff.department_on(id, visit.occurred_date);
    if (!department) return department.error();
    visit.staff.push_back({id, *department});
  }

  store::ProductRepository products(db);
  for (auto id : v.product_ids) {
    auto found = products.find(id);
    if (!found) return found.error();
    if (!*found) return Error::invalid("product_ids", "no product " + std::to_string(id));
  }
  visit.product_ids = v.product_ids;
  std::sort(visit.product_ids.begin(), visit.product_ids.end());
  return visit;
}

VisitInput draft_of(const store::VisitRecord& r) {
  VisitInput v;
  v.external_id = r.external_id;
  v.client_id = r.client_id;
  v.kind = r.kind;
  v.occurred_at = core::from_micros(r.occurred_at);
  v.notes = r.notes;
  v.attendee_ids = r.attendee_ids;
  std::vector<std::int64_t> staff;
  for (const auto& s : r.staff)
    staff.push_back(s.staff_id);
  v.staff_ids = std::move(staff);
  v.product_ids = r.product_ids;
  v.next_step = r.next_step;
  if (r.follow_up_date) v.follow_up_date = core::parse_date(*r.follow_up_date);
  return v;
}

VisitInput changed(VisitInput v, const VisitChanges& c) {
  if (c.kind) v.kind = *c.kind;
  if (c.occurred_at) v.occurred_at = *c.occurred_at;
  if (c.notes) v.notes = *c.notes;
  if (c.attendee_ids) v.attendee_ids = *c.attendee_ids;
  if (c.staff_ids) v.staff_ids = *c.staff_ids;
  if (c.product_ids) v.product_ids = *c.product_ids;
  if (c.next_step) v.next_step = *c.next_step;
  if (c.follow_up_date) v.follow_up_date = *c.follow_up_date;
  return v;
}

bool same_content(const store::VisitRecord& a, const store::VisitRecord& b) {
  const auto staff_ids = [](const store::VisitRecord& v) {
    std::vector<std::int64_t> ids;
    for (const auto& s : v.staff)
      ids.push_back(s.staff_id);
    return ids;
  };
  return a.kind == b.kind && a.occurred_at == b.occurred_at && a.notes == b.notes &&
         a.next_step == b.next_step && a.follow_up_date == b.follow_up_date &&
         a.attendee_ids == b.attendee_ids && staff_ids(a) == staff_ids(b) &&
         a.product_ids == b.product_ids;
}

core::Status append(const EventLog& events, store::Connection& db, const auth::Actor& actor,
                    std::string type, const std::optional<store::VisitRecord>& before,
                    const std::optional<store::VisitRecord>& after,
                    std::optional<core::Timestamp> occurred_at) {
  const auto& subject = after ? *after : *before;
  CrmEvent event{
      std::move(type), "visit",      std::to_string(subject.id),
      std::nullopt,    std::nullopt, occurred_at.value_or(core::from_micros(subject.occurred_at))};
  if (before) event.before = visit_to_json(*before);
  if (after) event.after = visit_to_json(*after);
  auto seq = events.append(db, actor, event);
  if (!seq) return seq.error();
  return {};
}

// Records one draft in an open write transaction.
core::Result<RecordedVisit> record_in(store::Connection& db, const core::CompanyZone& zone,
                                      const EventLog& events, core::Timestamp now,
                                      const VisitInput& input, const Caller& caller,
                                      const auth::Actor& actor) {
  if (auto s = check_draft(input, now, zone); !s) return s.error();
  store::VisitRepository visits(db);
  if (input.external_id) {
    auto existing = visits.find_external(*input.external_id);
    if (!existing) return existing.error();
    if (*existing) {
      if ((*existing)->author_user_id != caller.principal.user_id) {
        return Error::conflict(
            "external_id " + *input.external_id + " was used for another author's visit",
            "external_id");
      }
      return RecordedVisit{VisitOutcome::duplicate, std::move(**existing)};
    }
  }
  auto visit = build(db, zone, input, caller);
  if (!visit) return visit.error();
  visit->author_user_id = caller.principal.user_id;
  visit->created_at = visit->updated_at = core::to_micros(now);
  auto id = visits.insert(*visit);
  if (!id) return id.error();
  visit->id = *id;
  if (auto s = append(events, db, actor, "visit.recorded", std::nullopt, *visit, std::nullopt);
      !s) {
    return s.error();
  }
  return RecordedVisit{VisitOutcome::applied, std::move(*visit)};
}

}  // namespace

std::span<const std::string_view> visit_kinds() {
  return kKinds;
}

boost::json::object visit_to_json(const store::VisitRecord& v) {
  boost::json::array staff;
  for (const auto& s : v.staff) {
    staff.push_back({{"staff_id", s.staff_id},
                     {"department_id", s.department_id ? boost::json::value(*s.department_id)
                                                       : boost::json::value(nullptr)}});
  }
  const auto text = [](const std::optional<std::string>& t) {
    return t ? boost::json::value(*t) : boost::json::value(nullptr);
  };
  return {{"id", v.id},
          {"external_id", text(v.external_id)},
          {"client_id", v.client_id},
          {"kind", v.kind},
          {"occurred_at", core::format_rfc3339(core::from_micros(v.occurred_at))},
          {"occurred_date", v.occurred_date},
          {"notes", v.notes},
          {"attendee_ids", boost::json::value_from(v.attendee_ids)},
          {"staff", std::move(staff)},
          {"product_ids", boost::json::value_from(v.product_ids)},
          {"next_step", text(v.next_step)},
          {"follow_up_date", text(v.follow_up_date)},
          {"follow_up_done_at", v.follow_up_done_at ? boost::json::value(core::format_rfc3339(
                                                          core::from_micros(*v.follow_up_done_at)))
                                                    : boost::json::value(nullptr)},
          {"author_user_id", v.author_user_id},
          {"created_at", core::format_rfc3339(core::from_micros(v.created_at))},
          {"updated_at", core::format_rfc3339(core::from_micros(v.updated_at))}};
}

core::Result<RecordedVisit> VisitService::record(const VisitInput& input,
                                                 const auth::Principal& caller,
                                                 const auth::Actor& actor) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto recorded =
      record_in(write->connection(), zone_, events_, clock_.now(), input, {caller, *scope}, actor);
  if (!recorded) return recorded.error();
  if (recorded->outcome == VisitOutcome::applied) {
    if (auto s = write->commit(); !s) return s.error();
  }
  return recorded;
}

core::Result<VisitReport> VisitService::record_batch(const std::vector<VisitRow>& rows,
                                                     bool partial, const auth::Principal& caller,
                                                     const auth::Actor& actor) {
  if (rows.size() > kMaxBatch) {
    return Error::invalid("visits", "at most " + std::to_string(kMaxBatch) + " visits per batch");
  }
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  const auto now = clock_.now();
  auto report = run_rows<VisitOutcome>(
      rows, partial,
      [&](const VisitInput& input) -> core::Result<std::pair<VisitOutcome, std::int64_t>> {
        auto recorded =
            record_in(write->connection(), zone_, events_, now, input, {caller, *scope}, actor);
        if (!recorded) return recorded.error();
        return std::pair{recorded->outcome, recorded->visit.id};
      });
  if (!report) return report.error();
  if (report->commit(partial)) {
    if (auto s = write->commit(); !s) return s.error();
  }
  return report;
}

core::Result<store::VisitRecord> VisitService::load_for_change(store::Connection& db,
                                                               std::int64_t id,
                                                               const auth::Principal& caller,
                                                               const DataScope& scope,
                                                               bool follow_up) {
  store::VisitRepository visits(db);
  auto found = visits.find(id);
  if (!found) return found.error();
  auto visible = visits.visible(id, caller.user_id, scope.records());
  if (!visible) return visible.error();
  if (!*found || !*visible) return Error::not_found("no visit " + std::to_string(id));
  auto visit = std::move(**found);
  if (caller.role == auth::Role::admin) return visit;
  const bool author = visit.author_user_id == caller.user_id;
  const bool manager = caller.role == auth::Role::manager;
  const bool went = std::any_of(visit.staff.begin(), visit.staff.end(), [&](const auto& s) {
    return scope.staff_id && s.staff_id == *scope.staff_id;
  });
  if (follow_up && (author || manager || went)) return visit;
  if (!author && !manager) {
    return Error::forbidden("only the visit's author, their managers and admins change a visit");
  }
  const auto closes = core::from_micros(visit.created_at) + std::chrono::days(edit_days_);
  if (clock_.now() > closes) {
    return Error::conflict("the visit's edit window of " + std::to_string(edit_days_) +
                           " days closed at " + core::format_rfc3339(closes) +
                           "; ask an admin to correct it");
  }
  return visit;
}

core::Result<store::VisitRecord> VisitService::update(std::int64_t id, const VisitChanges& changes,
                                                      const auth::Principal& caller,
                                                      const auth::Actor& actor) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto loaded = load_for_change(db, id, caller, *scope, false);
  if (!loaded) return loaded.error();
  const auto& before = *loaded;
  const auto draft = changed(draft_of(before), changes);
  if (auto s = check_draft(draft, clock_.now(), zone_); !s) return s.error();
  auto after = build(db, zone_, draft, {caller, *scope});
  if (!after) return after.error();
  if (same_content(before, *after)) return before;
  after->id = before.id;
  after->author_user_id = before.author_user_id;
  after->created_at = before.created_at;
  after->follow_up_done_at = after->follow_up_date ? before.follow_up_done_at : std::nullopt;
  after->updated_at = core::to_micros(clock_.now());
  if (auto s = store::VisitRepository(db).update(*after); !s) return s.error();
  if (auto s = append(events_, db, actor, "visit.updated", before, *after, std::nullopt); !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return std::move(*after);
}

core::Status VisitService::remove(std::int64_t id, const auth::Principal& caller,
                                  const auth::Actor& actor) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto loaded = load_for_change(db, id, caller, *scope, false);
  if (!loaded) return loaded.error();
  const auto& before = *loaded;
  if (auto s = store::VisitRepository(db).remove(id); !s) return s;
  if (auto s = append(events_, db, actor, "visit.deleted", before, std::nullopt, std::nullopt);
      !s) {
    return s;
  }
  return write->commit();
}

core::Result<store::VisitRecord> VisitService::complete_follow_up(std::int64_t id,
                                                                  const auth::Principal& caller,
                                                                  const auth::Actor& actor) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto loaded = load_for_change(db, id, caller, *scope, true);
  if (!loaded) return loaded.error();
  const auto& before = *loaded;
  if (!before.follow_up_date) {
    return Error::conflict("visit " + std::to_string(id) + " has no follow-up");
  }
  if (before.follow_up_done_at) return before;  // done already: nothing changes
  auto after = before;
  const auto now = clock_.now();
  after.follow_up_done_at = after.updated_at = core::to_micros(now);
  if (auto s = store::VisitRepository(db).update(after); !s) return s.error();
  if (auto s = append(events_, db, actor, "visit.follow_up_completed", before, after, now); !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return after;
}

core::Result<store::VisitRecord> VisitService::get(std::int64_t id, const auth::Principal& caller) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  store::VisitRepository visits(**connection);
  auto visible = visits.visible(id, caller.user_id, scope->records());
  if (!visible) return visible.error();
  auto found = visits.find(id);
  if (!found) return found.error();
  if (!*visible || !*found) return Error::not_found("no visit " + std::to_string(id));
  return std::move(**found);
}

core::Result<VisitPage> VisitService::list(const store::VisitFilter& filter,
                                           const auth::Principal& caller) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto visits = store::VisitRepository(**connection).list(filter, caller.user_id, scope->records());
  if (!visits) return visits.error();
  VisitPage page;
  if (visits->size() > static_cast<std::size_t>(filter.limit)) {
    visits->pop_back();
    page.next_after_id = visits->back().id;
  }
  page.visits = std::move(*visits);
  return page;
}

}  // namespace laurel::crm
