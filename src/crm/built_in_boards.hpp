#pragma once
// Laurel's own leaderboards (PRODUCT.md, "Leaderboards"), made by Laurel rather than by a
// manager, each with the two metrics it divides:
//
// - Client target achievement, for people and for departments, one board per period kind that
//   client targets are set by (month, quarter, year), made when the first such target is set:
//   the subscriptions (认购, 申购) credited to the subject from the clients it has a client
//   target on subscription for in the period ÷ the sum of those targets. Each client's own ratio
//   is the target's progress (GET /api/v1/targets).
// - Campaign achievement, for every campaign, its participating people and departments, made
//   with the campaign: the campaign's subscription credited to the subject (its funds inside its
//   window) ÷ the subject's targets for the campaign on subscription (of any period), ranked over
//   the whole campaign (period "all").
//
// A subject without a target shows "no target" and ranks after everyone with one. Managers may
// rename a built-in board, change who sees it, its ties, tie-breaker, snapshots and top N, or
// archive it — an archived one is not made again; what it ranks stays Laurel's. Their metrics
// take codes beginning "laurel.", which people cannot use.
//
// Names are in the company's working language, Chinese, like the demo's.

#include <cstdint>
#include <string_view>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "core/period.hpp"
#include "crm/event_log.hpp"
#include "store/store.hpp"

namespace laurel::crm {

class BuiltInBoards {
 public:
  BuiltInBoards(const core::Clock& clock, const EventLog& events)
      : clock_(clock), events_(events) {}

  // Inside the caller's transaction; nothing happens when the board was made before.
  core::Status ensure_client_targets(store::Connection& db, const auth::Actor& actor,
                                     bool of_departments, core::PeriodKind period);
  core::Status ensure_campaign(store::Connection& db, const auth::Actor& actor,
                               std::int64_t campaign_id, std::string_view campaign_name);
  // Every board missing for the campaigns and client targets stored (a database from before
  // built-in boards), in one transaction; at start.
  core::Status ensure_all(store::Store& store, const auth::Actor& actor);

 private:
  const core::Clock& clock_;
  const EventLog& events_;
};

}  // namespace laurel::crm
