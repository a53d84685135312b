#pragma once
// Opportunities: a deal in the making for one client — products, an expected amount and close
// date, an owner (a staff member), optionally a campaign — moving through the stages prospect →
// contacted → proposal → won / lost. Every stage it enters is kept with when and by whom (time in
// each stage is a KPI); open stages may move forwards or back, won and lost are final.
//
// A stage change may be dated in the past (a salesperson catching up after a trip), never before
// the stage it leaves was entered and never in the future.
//
// Who: salespeople own their own opportunities; managers create them for the staff they manage
// and change those in their scope; admins any. Reading follows the data scope: the owner, the
// owner's managers (by the owner's department today), and whoever covers the client today.
//
// Events: opportunity.created / .updated / .stage_changed.

#include <boost/json/object.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "core/local_date.hpp"
#include "core/money.hpp"
#include "crm/data_scope.hpp"
#include "crm/event_log.hpp"
#include "crm/page.hpp"
#include "store/opportunity_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

std::span<const std::string_view> opportunity_stages();

struct OpportunityInput {
  std::int64_t client_id = 0;
  std::optional<std::int64_t> owner_staff_id;  // default: the caller's staff record
  std::optional<std::int64_t> campaign_id;
  std::string title;
  core::Fen expected = 0;
  std::optional<core::LocalDate> expected_close_date;
  std::optional<std::string> notes;
  std::string stage = "prospect";
  std::vector<std::int64_t> product_ids;
};

struct OpportunityChanges {
  std::optional<std::int64_t> owner_staff_id;
  std::optional<std::optional<std::int64_t>> campaign_id;
  std::optional<std::string> title;
  std::optional<core::Fen> expected;
  std::optional<std::optional<core::LocalDate>> expected_close_date;
  std::optional<std::optional<std::string>> notes;
  std::optional<std::vector<std::int64_t>> product_ids;
};

struct StageMove {
  std::string stage;
  std::optional<core::Timestamp> at;  // default: now
  std::optional<std::string> lost_reason;
};

class OpportunityService {
 public:
  static constexpr std::size_t kMaxProducts = 20;

  OpportunityService(store::Store& store, const core::Clock& clock, const EventLog& events,
                     DataScopes& scopes)
      : store_(store), clock_(clock), events_(events), scopes_(scopes) {}

  core::Result<store::OpportunityRecord> create(const OpportunityInput& input,
                                                const auth::Principal& caller,
                                                const auth::Actor& actor);
  core::Result<store::OpportunityRecord> update(std::int64_t id, const OpportunityChanges& changes,
                                                const auth::Principal& caller,
                                                const auth::Actor& actor);
  core::Result<store::OpportunityRecord> move(std::int64_t id, const StageMove& move,
                                              const auth::Principal& caller,
                                              const auth::Actor& actor);
  core::Result<store::OpportunityRecord> get(std::int64_t id, const auth::Principal& caller);
  core::Result<Page<store::OpportunityRecord>> list(const store::OpportunityFilter& filter,
                                                    const auth::Principal& caller);

 private:
  core::Result<store::OpportunityRecord> load_changeable(store::Connection& db, std::int64_t id,
                                                         const auth::Principal& caller,
                                                         const DataScope& scope);

  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
  DataScopes& scopes_;
};

boost::json::object opportunity_to_json(const store::OpportunityRecord& opportunity);

}  // namespace laurel::crm
