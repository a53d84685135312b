#pragma once
// Targets: a number for a staff member or a department, on a metric, over a month, quarter or
// year, overall or for one client or one campaign — and what has been achieved against it.
//
// Metrics (what counts, for the subject, inside the period):
// - subscription: 认购 and 申购 credited to the subject (amount; not failed or cancelled);
// - net_flow: subscriptions and switches in less redemptions and switches out (amount; may be
//   negative; dividend reinvestment is neither);
// - visits: visits the subject went on (a count; for a department, visits anyone in it went on,
//   counted once);
// - key_person_visits: those of them with at least one key person attending.
// A department's figures are those of its subtree, by the department each credit or visit was
// fixed to when it was recorded (so a transfer never moves history). A client target counts
// that client only; a campaign target counts the campaign's products inside both the period
// and the campaign's window (visits: those where a campaign product was discussed).
//
// Who: admins set any target; managers those of the staff and departments they manage; the
// subject's identity (who, what, when) is fixed, only the number changes. Reading: admins all;
// managers those they manage and their own; salespeople their own and their department's.
//
// Events: target.set / .changed / .deleted.

#include <boost/json/object.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "auth/principal.hpp"
#include "core/money.hpp"
#include "crm/data_scope.hpp"
#include "crm/event_log.hpp"
#include "crm/page.hpp"
#include "store/store.hpp"
#include "store/target_repository.hpp"

namespace laurel::crm {

std::span<const std::string_view> target_metrics();
// subscription and net_flow are amounts (fen); the others are counts.
bool is_amount_metric(std::string_view metric);

// The number: target_amount for amount metrics, target_count for counts; exactly one.
struct TargetValue {
  std::optional<core::Fen> amount;
  std::optional<std::int64_t> count;
};

struct TargetInput {
  std::string subject_kind;
  std::int64_t subject_id = 0;
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> campaign_id;
  std::string metric;
  std::string period;
  TargetValue value;
};

struct TargetProgress {
  store::TargetRecord target;
  std::int64_t achieved = 0;
};

class TargetService {
 public:
  TargetService(store::Store& store, const core::Clock& clock, const EventLog& events,
                DataScopes& scopes)
      : store_(store), clock_(clock), events_(events), scopes_(scopes) {}

  core::Result<TargetProgress> create(const TargetInput& input, const auth::Principal& caller,
                                      const auth::Actor& actor);
  core::Result<TargetProgress> change_value(std::int64_t id, const TargetValue& value,
                                            const auth::Principal& caller,
                                            const auth::Actor& actor);
  core::Status remove(std::int64_t id, const auth::Principal& caller, const auth::Actor& actor);
  core::Result<TargetProgress> get(std::int64_t id, const auth::Principal& caller);
  core::Result<Page<TargetProgress>> list(const store::TargetFilter& filter,
                                          const auth::Principal& caller);
  // A staff member's own targets whose period contains `day`, with progress ("my day").
  core::Result<std::vector<TargetProgress>> of_staff_on(std::int64_t staff_id,
                                                        const std::string& day);

 private:
  core::Result<store::TargetScope> scope_of(const auth::Principal& caller);

  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
  DataScopes& scopes_;
};

boost::json::object target_to_json(const store::TargetRecord& target);
boost::json::object target_progress_to_json(const TargetProgress& progress);

}  // namespace laurel::crm
