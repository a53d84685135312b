#pragma once
// One leaderboard's standings in one period, ranked in memory: every subject's score, in order,
// with its rank under the board's tie policy. Setting a score, the rank of a subject, a page
// (top N is the first page) and the subjects around one are O(log n) (a Boost.MultiIndex ranked
// index, plus one of the distinct scores for dense ranks); a page of k costs O(log n + k).
//
// The order, best first:
//   1. subjects with a score before those without one (a ratio with no target: "no target");
//   2. the score, higher or lower first as the board says (ratios compared exactly, by cross
//      multiplication in 128 bits — 50/100 ties with 1/2);
//   3. the tie-breaker, higher first (the board negates one where lower is better);
//   4. the moment the subject reached its score (earlier first; never reached: last);
//   5. the subject's id.
// Ranks: subjects equal in 1–3 share a rank — competition (1, 2, 2, 4; the default) or dense
// (1, 2, 2, 3) — and under first_to_reach 4 decides too, so only subjects that reached the same
// score at the same moment (or never) share one. 4 and 5 always decide the order rows are listed
// in, so equal pages read the same everywhere.
//
// Not thread-safe. Copying is not supported (a board keeps one per period).

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "engine/metric_fold.hpp"

namespace laurel::engine {

enum class TiePolicy : std::uint8_t { competition, dense, first_to_reach };
enum class RankOrder : std::uint8_t { higher_first, lower_first };

// value / of; `of` is 1 for a plain figure, the target (or denominator) for a ratio, and 0 when
// there is none ("no target").
struct Score {
  std::int64_t value = 0;
  std::int64_t of = 1;
  bool scored() const { return of != 0; }
  bool operator==(const Score&) const = default;
};

// When a subject never reached its score (nothing counted for it).
inline constexpr Moment kNeverReached{core::Timestamp::max(), INT64_MAX};

// What a ranking holds per subject (48 bytes).
struct Entry {
  std::int64_t subject_id = 0;
  Score score;
  std::int64_t tie_breaker = 0;
  Moment reached = kNeverReached;
};

// An entry with its place.
struct Standing : Entry {
  std::int64_t rank = 0;      // 1 for the best
  std::int64_t position = 0;  // 0-based place in the order (what a page's offset counts)
};

class Ranking {
 public:
  explicit Ranking(TiePolicy policy = TiePolicy::competition,
                   RankOrder order = RankOrder::higher_first);
  ~Ranking();
  Ranking(Ranking&&) noexcept;
  Ranking& operator=(Ranking&&) noexcept;

  // A subject's score, new or changed.
  void set(std::int64_t subject_id, Score score, std::int64_t tie_breaker = 0,
           Moment reached = kNeverReached);
  void set(const Entry& entry) {
    set(entry.subject_id, entry.score, entry.tie_breaker, entry.reached);
  }
  void remove(std::int64_t subject_id);
  std::size_t size() const;

  std::optional<Standing> find(std::int64_t subject_id) const;
  // `limit` standings from `offset` (0-based); top N is page(0, N).
  std::vector<Standing> page(std::size_t offset, std::size_t limit) const;
  // The subject with up to `n` standings above and `n` below it; empty for an unknown subject.
  std::vector<Standing> around(std::int64_t subject_id, std::size_t n) const;
  // The nearest standing ranked above the subject's rank (the one to pass); nullopt for the top
  // rank or an unknown subject.
  std::optional<Standing> to_pass(std::int64_t subject_id) const;

  TiePolicy policy() const { return policy_; }
  RankOrder order() const { return order_; }

 private:
  struct Index;
  TiePolicy policy_;
  RankOrder order_;
  std::unique_ptr<Index> index_;
};

// Whether a ranks before b (1–5 above); share_rank: whether they share a rank.
bool ranks_before(const Entry& a, const Entry& b, TiePolicy policy, RankOrder order);
bool share_rank(const Entry& a, const Entry& b, TiePolicy policy, RankOrder order);

}  // namespace laurel::engine
