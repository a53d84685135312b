#include "engine/ranking.hpp"

#include <boost/multi_index/hashed_index.hpp>
#include <boost/multi_index/identity.hpp>
#include <boost/multi_index/member.hpp>
#include <boost/multi_index/ranked_index.hpp>
#include <boost/multi_index_container.hpp>

namespace laurel::engine {
namespace {

namespace mi = boost::multi_index;

__extension__ typedef __int128 Wide;

// <0: a's score is better, 0: equal, >0: worse (rule 1 and 2 of the order).
int compare_scores(const Score& a, const Score& b, RankOrder order) {
  if (a.scored() != b.scored()) return a.scored() ? -1 : 1;
  if (!a.scored()) return 0;
  const Wide left = Wide(a.value) * b.of;
  const Wide right = Wide(b.value) * a.of;
  if (left == right) return 0;
  const bool a_higher = left > right;
  return (a_higher == (order == RankOrder::higher_first)) ? -1 : 1;
}

// Rules 1–3, and 4 under first_to_reach: what decides a rank.
int compare_rank(const Entry& a, const Entry& b, TiePolicy policy, RankOrder order) {
  if (int c = compare_scores(a.score, b.score, order)) return c;
  if (a.tie_breaker != b.tie_breaker) return a.tie_breaker > b.tie_breaker ? -1 : 1;
  if (policy == TiePolicy::first_to_reach && a.reached != b.reached)
    return a.reached < b.reached ? -1 : 1;
  return 0;
}

// The lowest possible standing in `s`'s rank group: lower_bound of it finds the group's first.
Entry group_floor(Entry s, TiePolicy policy) {
  if (policy != TiePolicy::first_to_reach) s.reached = Moment{core::Timestamp::min(), INT64_MIN};
  s.subject_id = INT64_MIN;
  return s;
}

struct EntryOrder {
  TiePolicy policy;
  RankOrder order;
  bool operator()(const Entry& a, const Entry& b) const {
    return ranks_before(a, b, policy, order);
  }
};

// One rank group (dense ranks count them): the score and tie-breaker (and under first_to_reach
// the moment) its members share, and how many they are.
struct Group {
  Entry key;  // with the group floor's moment and subject
  mutable std::int64_t members = 0;
};

struct GroupOrder {
  TiePolicy policy;
  RankOrder order;
  bool operator()(const Group& a, const Group& b) const {
    return compare_rank(a.key, b.key, policy, order) < 0;
  }
};

using Entries = mi::multi_index_container<
    Entry, mi::indexed_by<mi::hashed_unique<mi::member<Entry, std::int64_t, &Entry::subject_id>>,
                          mi::ranked_unique<mi::identity<Entry>, EntryOrder>>>;
using Groups =
    mi::multi_index_container<Group,
                              mi::indexed_by<mi::ranked_unique<mi::identity<Group>, GroupOrder>>>;

}  // namespace

bool ranks_before(const Entry& a, const Entry& b, TiePolicy policy, RankOrder order) {
  if (int c = compare_rank(a, b, policy, order)) return c < 0;
  if (a.reached != b.reached) return a.reached < b.reached;
  return a.subject_id < b.subject_id;
}

bool share_rank(const Entry& a, const Entry& b, TiePolicy policy, RankOrder order) {
  return compare_rank(a, b, policy, order) == 0;
}

struct Ranking::Index {
  Index(TiePolicy tie_policy, RankOrder order)
      : entries(Entries::ctor_args_list(Entries::nth_index<0>::type::ctor_args(),
                                        Entries::nth_index<1>::type::ctor_args(
                                            mi::identity<Entry>(), EntryOrder{tie_policy, order}))),
        groups(Groups::ctor_args_list(Groups::nth_index<0>::type::ctor_args(
            mi::identity<Group>(), GroupOrder{tie_policy, order}))),
        dense(tie_policy == TiePolicy::dense),
        policy(tie_policy) {}

  Entries entries;
  Groups groups;  // kept for dense ranks only
  bool dense;
  TiePolicy policy;

  auto& by_subject() { return entries.get<0>(); }
  const auto& by_subject() const { return entries.get<0>(); }
  auto& ranked() { return entries.get<1>(); }
  const auto& ranked() const { return entries.get<1>(); }

  void join_group(const Entry& s) {
    if (!dense) return;
    auto [it, fresh] = groups.insert(Group{group_floor(s, policy), 0});
    ++it->members;
  }
  void leave_group(const Entry& s) {
    if (!dense) return;
    auto it = groups.find(Group{group_floor(s, policy), 0});
    if (it != groups.end() && --it->members == 0) groups.erase(it);
  }

  // The rank of the standing at `it` (an iterator of the ranked index) at `position`.
  // Competition and first_to_reach ranks are 1 + the position of the first of its rank group:
  // most groups are small, so stepping back over a few neighbours (cached: the lookup just
  // walked there) beats a second descent from the root, which is taken only for a long tie.
  template <class It>
  std::int64_t rank_at(It it, std::size_t position, RankOrder order) const {
    if (!dense) {
      constexpr std::size_t kSteps = 8;
      auto first = it;
      for (std::size_t back = 0; back <= kSteps; ++back) {
        if (back == position) return 1;  // the group starts the ranking
        auto before = std::prev(first);
        if (!share_rank(*before, *it, policy, order)) {
          return static_cast<std::int64_t>(position - back) + 1;
        }
        first = before;
      }
      return static_cast<std::int64_t>(ranked().lower_bound_rank(group_floor(*it, policy))) + 1;
    }
    return static_cast<std::int64_t>(groups.rank(groups.find(Group{group_floor(*it, policy), 0}))) +
           1;
  }
};

Ranking::Ranking(TiePolicy policy, RankOrder order)
    : policy_(policy), order_(order), index_(std::make_unique<Index>(policy, order)) {}
Ranking::~Ranking() = default;
Ranking::Ranking(Ranking&&) noexcept = default;
Ranking& Ranking::operator=(Ranking&&) noexcept = default;

void Ranking::set(std::int64_t subject_id, Score score, std::int64_t tie_breaker, Moment reached) {
  if (score.of < 0) score = {-score.value, -score.of};
  const Entry fresh{subject_id, score, tie_breaker, reached};
  auto& by_subject = index_->by_subject();
  auto it = by_subject.find(subject_id);
  if (it == by_subject.end()) {
    index_->entries.insert(fresh);
    index_->join_group(fresh);
    return;
  }
  if (it->score == score && it->tie_breaker == tie_breaker && it->reached == reached) return;
  index_->leave_group(*it);
  by_subject.replace(it, fresh);
  index_->join_group(fresh);
}

void Ranking::remove(std::int64_t subject_id) {
  auto& by_subject = index_->by_subject();
  auto it = by_subject.find(subject_id);
  if (it == by_subject.end()) return;
  index_->leave_group(*it);
  by_subject.erase(it);
}

std::size_t Ranking::size() const {
  return index_->entries.size();
}

std::optional<Standing> Ranking::find(std::int64_t subject_id) const {
  const auto& by_subject = index_->by_subject();
  auto it = by_subject.find(subject_id);
  if (it == by_subject.end()) return std::nullopt;
  auto ranked = index_->entries.project<1>(it);
  Standing out{*ranked};
  const auto position = index_->ranked().rank(ranked);
  out.rank = index_->rank_at(ranked, position, order_);
  out.position = static_cast<std::int64_t>(position);
  return out;
}

std::vector<Standing> Ranking::page(std::size_t offset, std::size_t limit) const {
  std::vector<Standing> out;
  const auto& ranked = index_->ranked();
  if (offset >= ranked.size() || limit == 0) return out;
  out.reserve(std::min(limit, ranked.size() - offset));
  auto it = ranked.nth(offset);
  // The first row's rank is looked up; each next one follows from the row before it.
  std::int64_t rank = index_->rank_at(it, offset, order_);
  for (std::size_t position = offset; it != ranked.end() && out.size() < limit; ++it, ++position) {
    Standing s{*it};
    if (!out.empty() && !share_rank(out.back(), s, policy_, order_)) {
      rank = policy_ == TiePolicy::dense ? rank + 1 : static_cast<std::int64_t>(position) + 1;
    }
    s.rank = rank;
    s.position = static_cast<std::int64_t>(position);
    out.push_back(s);
  }
  return out;
}

std::vector<Standing> Ranking::around(std::int64_t subject_id, std::size_t n) const {
  auto me = find(subject_id);
  if (!me) return {};
  const auto position = static_cast<std::size_t>(me->position);
  const auto from = position > n ? position - n : 0;
  return page(from, position - from + n + 1);
}

}  // namespace laurel::engine

namespace laurel::engine {

std::optional<Standing> Ranking::to_pass(std::int64_t subject_id) const {
  const auto& by_subject = index_->by_subject();
  const auto it = by_subject.find(subject_id);
  if (it == by_subject.end()) return std::nullopt;
  const auto group_start = index_->ranked().lower_bound_rank(group_floor(*it, policy_));
  if (group_start == 0) return std::nullopt;
  auto above = page(group_start - 1, 1);
  return above.front();
}

}  // namespace laurel::engine
