#pragma once
// Detects "company holdings (e.g. excluding money-market funds) break through every N" — judged
// on each company day's closing holdings (engine/holdings_book.hpp): milestone k (k × N) is good
// news once, ever, the first day a close reaches it. It became true at that day's close (the last
// microsecond of the company day); a close that falls back below it later takes nothing back.
// Only a later arrival that rewrites history so that no close ever reached it (a balance
// corrected, a trade cancelled) makes it no longer hold; one that moves the first close reaching
// it to another day moves when it became true. Marks as in ThresholdWatch: detected by the event
// that first made it hold, late past the grace window, silent before effective_from.
//
// Facts are keyed (rule, company 0, all time, k × N). At most kMaxMilestones per rule.
//
// Not thread-safe; driven by one feed, in log order (begin, changes…, settle). No clock.

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/day_max_tree.hpp"
#include "engine/holdings_book.hpp"
#include "engine/threshold_watch.hpp"

namespace laurel::engine {

struct HoldingsMilestoneRule {
  std::int64_t id = 0;
  std::int64_t every_fen = 0;  // N, > 0
  // Which funds count: listed ones (none: every fund), of listed types (none: every type), and
  // money-market funds or not.
  std::vector<std::int64_t> product_ids;
  std::vector<std::string> product_types;
  bool exclude_money_market = true;
  core::Timestamp effective_from{};
  std::chrono::seconds grace{std::chrono::hours(72)};
};

class HoldingsMilestoneWatch final : public HoldingsListener {
 public:
  static constexpr std::int64_t kMaxMilestones = 1000;

  // `book` and `reference` (the funds' types) are read when a rule starts or is judged again.
  HoldingsMilestoneWatch(const HoldingsBook& book, const Reference& reference,
                         core::CompanyZone zone)
      : book_(book), reference_(reference), zone_(zone) {}

  void begin(EventContext event) { event_ = event; }
  void settle();

  // False when the rule id is taken. Judged at once over the holdings so far.
  bool add_rule(HoldingsMilestoneRule rule);
  // The funds' types changed: every rule adds up its holdings again.
  void rejudge();

  void changed(const HoldingsChange& change) override;

  const std::map<FactKey, ThresholdFact>& facts() const { return book_of_facts_.facts(); }
  std::vector<ThresholdFact> take_changes() { return book_of_facts_.take_changes(); }

 private:
  struct RuleState {
    HoldingsMilestoneRule rule;
    std::unique_ptr<DayMaxTree> closes;  // the company's holdings at each close, of its funds
    std::int64_t held = 0;               // milestones held: 1 … held
  };

  bool counts(const HoldingsMilestoneRule& rule, std::int64_t product_id) const;
  void rebuild(RuleState& state);
  void judge(RuleState& state);

  const HoldingsBook& book_;
  const Reference& reference_;
  core::CompanyZone zone_;
  EventContext event_;
  std::vector<RuleState> rules_;
  std::set<std::size_t> touched_;
  FactBook book_of_facts_;
};

}  // namespace laurel::engine
