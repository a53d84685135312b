#pragma once
// Holdings as the engine folds them. Per position (client × product): the imported daily closing
// balances and the net confirmed flows per confirm day, and from them the position's amount at
// the close of each company day — the rule crm::HoldingsTimeline applies for the API: the latest
// balance on or before the day, plus the flows confirmed after that balance's day up to the day
// (a balance of a day already includes that day's flows). Before any balance a position starts
// from zero. The amounts are a function of the balances and trades in effect, whatever order
// they arrive in.
//
// Listeners hear each change as what it did to one position's amount over a stretch of days,
// so they can keep totals (the company's, a client's) without looking at every position again.
//
// Not thread-safe; driven by one feed, in log order.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/local_date.hpp"
#include "engine/facts.hpp"

namespace laurel::engine {

// The end of an open-ended stretch: "from `from` on".
inline constexpr date::sys_days kForever{date::days{1'000'000}};

// From the close of `from` to the close before `to` (exclusive; kForever: for good), the
// position's amount moved by `delta` fen.
struct HoldingsChange {
  std::int64_t client_id = 0;
  std::int64_t product_id = 0;
  date::sys_days from{};
  date::sys_days to{};
  std::int64_t delta = 0;
};

class HoldingsListener {
 public:
  virtual ~HoldingsListener() = default;
  virtual void changed(const HoldingsChange& change) = 0;
};

class HoldingsBook {
 public:
  // A closing balance imported or corrected (the latest version wins, by log position).
  void set_balance(std::int64_t client_id, std::int64_t product_id, date::sys_days day,
                   std::int64_t amount_fen);
  // A new version of a trade: a confirmed one in effect moves its position from its confirm
  // day; an earlier version's flow is taken back. Older versions than the one held are ignored.
  void apply(const TradeFact& trade);

  // The position's amount at the close of `day`.
  std::int64_t amount_on(std::int64_t client_id, std::int64_t product_id, date::sys_days day) const;
  // Every position's amounts, as stretches of one amount (zero ones left out): how a listener
  // that starts late learns what there is.
  void for_each_stretch(const std::function<void(const HoldingsChange&)>& visit) const;

  // Told of every change from now on (listeners live as long as the book).
  void add_listener(HoldingsListener& listener) { listeners_.push_back(&listener); }

 private:
  struct Position {
    std::map<date::sys_days, std::int64_t> balances;
    std::map<date::sys_days, std::int64_t> flows;  // net signed flow per confirm day
  };
  using Key = std::pair<std::int64_t, std::int64_t>;
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept {
      return std::hash<std::int64_t>()(k.first * 1'000'003 + k.second);
    }
  };
  struct Flow {
    std::int64_t seq = 0;
    std::int64_t client_id = 0;
    std::int64_t product_id = 0;
    date::sys_days day{};  // confirmed on
    std::int64_t signed_fen = 0;
  };
  // The amount over [from, to) as (first day, amount) steps, the first at `from`.
  using Steps = std::vector<std::pair<date::sys_days, std::int64_t>>;

  static Steps steps(const Position& position, date::sys_days from, date::sys_days to);
  // The amount at the close of `day`.
  static std::int64_t level_on(const Position& position, date::sys_days day);
  // Tells the listeners the amount moved by `delta` over [from, to).
  void tell(const Key& key, date::sys_days from, date::sys_days to, std::int64_t delta);
  void move_flow(const Key& key, date::sys_days day, std::int64_t signed_fen);

  std::unordered_map<Key, Position, KeyHash> positions_;
  std::unordered_map<std::int64_t, Flow> trades_;  // confirmed trades in effect, by id
  std::vector<HoldingsListener*> listeners_;
};

}  // namespace laurel::engine
