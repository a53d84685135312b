#pragma once
// Detects "a person or a department activates a client": a subscription (认购 or 申购) in
// effect that is the client's first ever while it holds nothing, or its first after at least D
// days in a row holding nothing (the D company days before the subscription's day, with no
// other subscription of the client on them). Switches in and dividend reinvestment move holdings
// but never activate. Holdings are the client's total over every fund at each close
// (engine/holdings_book.hpp); "nothing" is zero or less (a stale balance outrun by redemptions).
//
// Per rule, each person (or department) credited with an activating subscription of at least
// the rule's minimum is good news: (rule, subject, the trade). A client's activations are judged
// again whenever its trades or holdings change, so a late trade that was in fact its first, or a
// balance imported late that shows it was not dormant after all, makes the old fact no longer
// hold and the new one, if any, detected then. Marks as in ThresholdWatch: became true at the
// trade time, late past the grace window, silent before effective_from.
//
// Not thread-safe; driven by one feed, in log order (begin, apply / changes…, settle). No clock.

#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include "engine/day_steps.hpp"
#include "engine/holdings_book.hpp"
#include "engine/threshold_watch.hpp"

namespace laurel::engine {

enum class ActivationScope : std::uint8_t { staff, department };

struct ActivationRule {
  std::int64_t id = 0;
  ActivationScope scope = ActivationScope::staff;
  int dormant_days = 180;  // D, ≥ 1
  std::int64_t min_amount_fen = 0;
  core::Timestamp effective_from{};
  std::chrono::seconds grace{std::chrono::hours(72)};
};

class ActivationWatch final : public HoldingsListener {
 public:
  // `book`: where the first rule learns the holdings so far (until then none are kept).
  ActivationWatch(const HoldingsBook& book, core::CompanyZone zone)
      : holdings_(book), days_(zone) {}

  void begin(EventContext event) { event_ = event; }
  void settle();

  // A new version of a trade (older versions than the one held are ignored).
  void apply(const TradeFact& trade);
  // False when the rule id is taken or D < 1. Judged at once over the records so far.
  bool add_rule(ActivationRule rule);

  void changed(const HoldingsChange& change) override;

  // The client's activating subscriptions under `dormant_days`, earliest first (trade ids).
  std::vector<std::int64_t> activations(std::int64_t client_id, int dormant_days) const;

  const std::map<FactKey, ThresholdFact>& facts() const { return book_.facts(); }
  std::vector<ThresholdFact> take_changes() { return book_.take_changes(); }

 private:
  struct Subscription {
    date::sys_days day{};
    std::int64_t amount_fen = 0;
    std::vector<Credit> credits;
  };
  struct Client {
    std::map<Moment, Subscription> subscriptions;  // in effect, on the trade-time timeline
    DaySteps holdings;  // the client's total over every fund at each close
  };
  struct Seen {  // a subscription in effect
    std::int64_t seq = 0;
    std::int64_t client_id = 0;
    Moment moment;
    date::sys_days day{};
  };
  struct Held {  // an activation a rule holds as good news
    date::sys_days day{};
    std::vector<std::int64_t> subjects;
  };
  struct Activation {
    std::int64_t trade_id;
    Moment moment;
    const Subscription* subscription;
  };

  void step(const HoldingsChange& change);
  void touch(std::int64_t client_id, date::sys_days from);
  // The client's activations among its subscriptions on `from` or later (a change on a day
  // can only change whether the subscriptions from then on activate).
  std::vector<Activation> activations_from(const Client& client, int dormant_days,
                                           date::sys_days from) const;
  void judge(std::size_t rule, std::int64_t client_id, date::sys_days from);

  const HoldingsBook& holdings_;
  mutable core::ZoneDays days_;
  EventContext event_;
  std::vector<ActivationRule> rules_;
  std::unordered_map<std::int64_t, Client> clients_;
  std::unordered_map<std::int64_t, Seen> trades_;  // subscriptions in effect, by trade id
  // Per rule and client: the activations it holds as good news now, by trade id.
  std::map<std::pair<std::size_t, std::int64_t>, std::map<std::int64_t, Held>> held_;
  // The clients the event being folded changed, each from the earliest day it changed.
  std::map<std::int64_t, date::sys_days> touched_;
  FactBook book_;
};

}  // namespace laurel::engine
