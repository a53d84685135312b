#pragma once
// Detects "the first order of campaign C" as the fold runs. A qualifying order is a subscription
// (认购 or 申购) in effect, of one of the campaign's funds, on a company day inside its window, of
// at least the rule's minimum, credited to a participant (a listed person, or anyone in a listed
// department or under it). Per rule and scope — the campaign (subject 0), each participating
// department, or each participating person — the first is the qualifying order earliest on the
// occurred_at timeline (ties: the smaller record id, i.e. the one logged first).
//
// A fact is (rule, scope subject, winning trade). When a later arrival changes the winner (a
// cancellation; a late trade that was in fact earlier), the old fact no longer holds and the new
// winner is a new fact — detected then, so late if that is past the grace window. Marks as in
// ThresholdWatch: became true at the winner's trade time, silent before effective_from.
//
// Not thread-safe; driven by one feed, in log order (begin, apply…, settle). No clock.

#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/local_date.hpp"
#include "engine/facts.hpp"
#include "engine/threshold_watch.hpp"

namespace laurel::engine {

enum class FirstOrderScope : std::uint8_t { campaign, department, staff };

struct FirstOrderRule {
  std::int64_t id = 0;
  std::int64_t campaign_id = 0;
  FirstOrderScope scope = FirstOrderScope::campaign;
  std::int64_t min_amount_fen = 0;
  core::Timestamp effective_from{};
  std::chrono::seconds grace{std::chrono::hours(72)};
};

class FirstOrderWatch {
 public:
  // `reference`: the fold's (the department tree), read as it is when orders are judged.
  FirstOrderWatch(const Reference& reference, core::CompanyZone zone)
      : reference_(reference), days_(zone) {}

  void begin(EventContext event) { event_ = event; }
  void settle();

  // A new version of a trade (older versions than the one held are ignored).
  void apply(const TradeFact& trade);
  // A campaign defined or changed: the rules on it judge every order again.
  void set_campaign(CampaignFact campaign);
  // The department tree changed: every rule judges again.
  void rejudge();
  // False when the rule id is taken. A rule on a campaign not known (yet) finds nothing.
  bool add_rule(FirstOrderRule rule);

  // Facts keyed as ThresholdWatch's: subject the scope's, period all time, and the winning
  // trade's id in place of a threshold.
  const std::map<FactKey, ThresholdFact>& facts() const { return book_.facts(); }
  std::vector<ThresholdFact> take_changes() { return book_.take_changes(); }

 private:
  struct Entry {
    std::size_t rule;
    std::int64_t subject;
  };
  struct RuleState {
    FirstOrderRule rule;
    std::map<std::int64_t, std::set<Moment>> orders;  // by scope subject
    std::map<std::int64_t, std::int64_t> winner;      // scope subject -> winning trade id
  };

  // The scope subjects a trade qualifies for under a rule (none: it does not qualify).
  std::vector<std::int64_t> subjects_of(const RuleState& state, const TradeFact& trade) const;
  void enter(std::size_t rule, const TradeFact& trade);
  void rebuild(std::size_t rule);
  void judge(std::size_t rule, std::int64_t subject);

  const Reference& reference_;
  mutable core::ZoneDays days_;
  EventContext event_;
  std::unordered_map<std::int64_t, CampaignFact> campaigns_;
  std::vector<RuleState> rules_;
  std::unordered_map<std::int64_t, TradeFact> trades_;  // subscriptions only, latest versions
  std::unordered_map<std::int64_t, std::vector<Entry>> entries_of_;  // by trade id
  std::set<std::pair<std::size_t, std::int64_t>> touched_;
  FactBook book_;
  mutable std::vector<std::int64_t> departments_;
};

}  // namespace laurel::engine
