#pragma once
// Visits: a salesperson's contacts with a client — a visit, call, meeting, roadshow or online
// session — with the key people who attended (of that client), the staff who went (each with
// their department on that day, fixed at recording), the products discussed, free-text notes,
// and a next step with its follow-up date.
//
// Rules:
// - occurred_at carries its offset; the past is allowed (backfilling), the future is refused
//   (beyond five minutes of clock skew), and so is anything before 2000;
// - a salesperson records visits they went on (they are among the staff; by default the staff
//   is just them); managers and admins record for anyone;
// - the author (and a manager whose scope holds the visit) changes or deletes it within
//   `crm.visit_edit_days` of recording it; admins at any time. A follow-up may be marked done
//   at any time by anyone who may see the visit and went on it (or manages it);
// - an optional external_id makes a retry safe: the same id again returns the visit as first
//   recorded (outcome "duplicate"), whoever sends it is the same author; another author's id is
//   a 409.
//
// Data scope: admins see every visit; managers those where one of the staff was in their
// department subtree that day, or of clients they cover; salespeople the visits they went on or
// wrote, and every visit of the clients they cover today; service staff none.
//
// Events: visit.recorded, visit.updated, visit.deleted (occurred_at = the visit's time, so a
// backfilled visit lands on its own day), visit.follow_up_completed (when it was marked done).

#include <boost/json/object.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "core/local_date.hpp"
#include "crm/batch_runner.hpp"
#include "crm/data_scope.hpp"
#include "crm/event_log.hpp"
#include "store/store.hpp"
#include "store/visit_repository.hpp"

namespace laurel::crm {

std::span<const std::string_view> visit_kinds();

struct VisitInput {
  std::optional<std::string> external_id;
  std::int64_t client_id = 0;
  std::string kind;
  core::Timestamp occurred_at{};
  std::string notes;
  std::vector<std::int64_t> attendee_ids;
  std::optional<std::vector<std::int64_t>> staff_ids;  // default: the caller
  std::vector<std::int64_t> product_ids;
  std::optional<std::string> next_step;
  std::optional<core::LocalDate> follow_up_date;
};

struct VisitChanges {
  std::optional<std::string> kind;
  std::optional<core::Timestamp> occurred_at;
  std::optional<std::string> notes;
  std::optional<std::vector<std::int64_t>> attendee_ids;
  std::optional<std::vector<std::int64_t>> staff_ids;
  std::optional<std::vector<std::int64_t>> product_ids;
  std::optional<std::optional<std::string>> next_step;
  std::optional<std::optional<core::LocalDate>> follow_up_date;
};

enum class VisitOutcome { applied, duplicate };
using VisitRow = core::Result<VisitInput>;
using VisitReport = RowReport<VisitOutcome>;

struct RecordedVisit {
  VisitOutcome outcome = VisitOutcome::applied;
  store::VisitRecord visit;
};

struct VisitPage {
  std::vector<store::VisitRecord> visits;
  std::optional<std::int64_t> next_after_id;
};

class VisitService {
 public:
  static constexpr auto kClockSkew = std::chrono::minutes(5);
  static constexpr std::size_t kMaxBatch = 1'000;

  VisitService(store::Store& store, const core::Clock& clock, core::CompanyZone zone,
               const EventLog& events, DataScopes& scopes, int edit_days)
      : store_(store),
        clock_(clock),
        zone_(zone),
        events_(events),
        scopes_(scopes),
        edit_days_(edit_days) {}

  core::Result<RecordedVisit> record(const VisitInput& input, const auth::Principal& caller,
                                     const auth::Actor& actor);
  // Backfilling many visits at once: all or nothing, or with `partial` the good rows.
  core::Result<VisitReport> record_batch(const std::vector<VisitRow>& rows, bool partial,
                                         const auth::Principal& caller, const auth::Actor& actor);
  core::Result<store::VisitRecord> update(std::int64_t id, const VisitChanges& changes,
                                          const auth::Principal& caller, const auth::Actor& actor);
  core::Status remove(std::int64_t id, const auth::Principal& caller, const auth::Actor& actor);
  core::Result<store::VisitRecord> complete_follow_up(std::int64_t id,
                                                      const auth::Principal& caller,
                                                      const auth::Actor& actor);
  core::Result<store::VisitRecord> get(std::int64_t id, const auth::Principal& caller);
  core::Result<VisitPage> list(const store::VisitFilter& filter, const auth::Principal& caller);

 private:
  // The visit, if the caller may change it (or, with `follow_up`, mark its follow-up done).
  core::Result<store::VisitRecord> load_for_change(store::Connection& db, std::int64_t id,
                                                   const auth::Principal& caller,
                                                   const DataScope& scope, bool follow_up);

  store::Store& store_;
  const core::Clock& clock_;
  core::CompanyZone zone_;
  const EventLog& events_;
  DataScopes& scopes_;
  int edit_days_;
};

boost::json::object visit_to_json(const store::VisitRecord& visit);

}  // namespace laurel::crm
