#pragma once
// Reading points: a person's balances and ledger journals, why a journal was posted (the rule
// version, the records and their events, the award as it stands; or the rewards order it moved),
// what a draft rule would have awarded (a preview, written nowhere), and how much of each budget is
// used.
//
// Who sees whose points: everyone their own; managers the people of their departments; admins
// everyone. Rules themselves are public (crm/point_rule_service.hpp): the game is fair when
// everyone can read it.

#include <cstdint>
#include <optional>
#include <vector>

#include "auth/principal.hpp"
#include "crm/data_scope.hpp"
#include "crm/engine_service.hpp"
#include "crm/point_rule_service.hpp"
#include "crm/points_expiry.hpp"
#include "store/event_repository.hpp"
#include "store/point_ledger_repository.hpp"
#include "store/reward_repository.hpp"

namespace laurel::crm {

struct JournalPage {
  std::vector<store::PointJournal> journals;
  std::optional<std::int64_t> next_before_id;
};

struct PersonBalances {
  store::PersonPoints points;
  std::optional<NextExpiry> next_expiry;
};

struct PointsWhy {
  store::PointJournal journal;
  std::optional<PointRule> rule;       // the version the award was worked out with
  std::optional<engine::Award> award;  // as the engine holds it now (none: it pays nothing now)
  std::vector<store::PointJournal> history;       // every journal of the same award, oldest first
  std::vector<store::EventRecord> source_events;  // the record's events, oldest first
  // For the journals of a rewards order: the order as it stands and its reward's name.
  std::optional<store::RewardOrderRecord> order;
  std::string reward_name;
};

struct PointsPreview {
  core::LocalDate from{};
  core::LocalDate to{};  // inclusive
  std::int64_t awards = 0;
  std::int64_t points = 0;
  std::int64_t current = 0;  // what the current version paid over the same days
  std::vector<engine::PointsBook::PreviewRow> people;  // most points first
};

struct BudgetUse {
  PointRule rule;
  core::Period period{};
  std::int64_t used = 0;
  bool alert = false;  // at 80% or more
  bool over = false;   // past 100%
};

class PointsService {
 public:
  // A preview may span at most this many days.
  static constexpr int kMaxPreviewDays = 366;

  PointsService(store::Store& store, DataScopes& scopes, EngineService& engine,
                PointRuleService& rules, PointsExpiry& expiry, core::CompanyZone zone)
      : store_(store),
        scopes_(scopes),
        engine_(engine),
        rules_(rules),
        expiry_(expiry),
        zone_(zone) {}

  // Whose points a caller reads: `staff_id`, or with none their own (invalid, field staff_id,
  // when they have no staff record); forbidden outside their scope.
  core::Result<std::int64_t> subject_of(const auth::Principal& caller,
                                        std::optional<std::int64_t> staff_id);
  // A person's balances now (what expired by today gone), and the next spendable points to expire.
  core::Result<PersonBalances> balances(std::int64_t staff_id);
  core::Result<JournalPage> journals(std::int64_t staff_id, std::int64_t before_id, int limit);
  core::Result<PointsWhy> why(const auth::Principal& caller, std::int64_t journal_id);
  // `draft` over the company days [from, to]; with `rule_id`, compared with that rule's current
  // awards (not_found when there is no such rule).
  core::Result<PointsPreview> preview(PointRule draft, std::optional<std::int64_t> rule_id,
                                      core::LocalDate from, core::LocalDate to);
  // Every rule with a budget, in the period of its budget that holds `today`.
  core::Result<std::vector<BudgetUse>> budgets(core::LocalDate today);

  PointsExpiry& expiry() { return expiry_; }

 private:
  store::Store& store_;
  DataScopes& scopes_;
  EngineService& engine_;
  PointRuleService& rules_;
  PointsExpiry& expiry_;
  core::CompanyZone zone_;
};

}  // namespace laurel::crm
