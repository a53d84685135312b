#include "engine/ranking.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

namespace laurel::engine {
namespace {

Moment at(std::int64_t seconds, std::int64_t record) {
  return Moment{core::Timestamp(std::chrono::seconds(seconds)), record};
}

std::vector<std::pair<std::int64_t, std::int64_t>> ranks(const std::vector<Standing>& rows) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& s : rows)
    out.emplace_back(s.subject_id, s.rank);
  return out;
}

using Pairs = std::vector<std::pair<std::int64_t, std::int64_t>>;

// Four people, two of them level on 500: the board's tie policy decides what the ranks read.
Ranking four_people(TiePolicy policy) {
  Ranking r(policy);
  r.set(1, {900}, 0, at(10, 1));
  r.set(2, {500}, 0, at(30, 3));
  r.set(3, {500}, 0, at(20, 2));
  r.set(4, {100}, 0, at(40, 4));
  return r;
}

TEST(Ranking, CompetitionRanksShareAndSkip) {
  auto r = four_people(TiePolicy::competition);
  // Level subjects share rank 2; the one who got there first is listed first.
  EXPECT_EQ(ranks(r.page(0, 10)), (Pairs{{1, 1}, {3, 2}, {2, 2}, {4, 4}}));
  EXPECT_EQ(r.find(2)->rank, 2);
  EXPECT_EQ(r.find(2)->position, 2);
  EXPECT_EQ(r.find(4)->rank, 4);
}

TEST(Ranking, DenseRanksShareWithoutSkipping) {
  auto r = four_people(TiePolicy::dense);
  EXPECT_EQ(ranks(r.page(0, 10)), (Pairs{{1, 1}, {3, 2}, {2, 2}, {4, 3}}));
  EXPECT_EQ(r.find(4)->rank, 3);
  // A page starting inside the tie reads the same ranks.
  EXPECT_EQ(ranks(r.page(2, 2)), (Pairs{{2, 2}, {4, 3}}));
}

TEST(Ranking, FirstToReachBreaksTiesByTheMomentTheScoreWasReached) {
  auto r = four_people(TiePolicy::first_to_reach);
  EXPECT_EQ(ranks(r.page(0, 10)), (Pairs{{1, 1}, {3, 2}, {2, 3}, {4, 4}}));
  // Two who never reached anything still share.
  r.set(5, {0});
  r.set(6, {0});
  EXPECT_EQ(r.find(5)->rank, 5);
  EXPECT_EQ(r.find(6)->rank, 5);
}

TEST(Ranking, LongTiesShareTheirRankWhereverTheyAreRead) {
  Ranking r;
  r.set(100, {50});
  for (int i = 1; i <= 20; ++i)
    r.set(i, {10});
  r.set(200, {5});
  EXPECT_EQ(r.find(20)->rank, 2);  // the last of twenty level subjects
  EXPECT_EQ(r.find(3)->rank, 2);
  EXPECT_EQ(r.page(15, 1).front().rank, 2);
  EXPECT_EQ(r.find(200)->rank, 22);
}

TEST(Ranking, TieBreakerDecidesBeforeThePolicyShares) {
  Ranking r(TiePolicy::competition);
  r.set(1, {500}, 3);
  r.set(2, {500}, 7);
  r.set(3, {500}, 7);
  EXPECT_EQ(ranks(r.page(0, 10)), (Pairs{{2, 1}, {3, 1}, {1, 3}}));
}

TEST(Ranking, RatiosCompareExactlyAndNoTargetComesLast) {
  Ranking r(TiePolicy::competition);
  r.set(1, {50, 100});
  r.set(2, {1, 2});
  r.set(3, {2, 3});
  r.set(4, {999, 0});  // no target: whatever it achieved, it is not a ratio
  r.set(5, {-3, -4});  // normalised to 3/4
  EXPECT_EQ(ranks(r.page(0, 10)), (Pairs{{5, 1}, {3, 2}, {1, 3}, {2, 3}, {4, 5}}));
  // 128-bit cross multiplication: huge amounts against huge targets do not overflow.
  r.set(6, {INT64_MAX, INT64_MAX - 1});
  EXPECT_EQ(r.find(6)->rank, 1);
}

TEST(Ranking, LowerFirstPutsTheSmallestScoreOnTop) {
  Ranking r(TiePolicy::competition, RankOrder::lower_first);
  r.set(1, {30});
  r.set(2, {10});
  r.set(3, {20});
  r.set(4, {5, 0});  // unscored stays last
  EXPECT_EQ(ranks(r.page(0, 10)), (Pairs{{2, 1}, {3, 2}, {1, 3}, {4, 4}}));
}

TEST(Ranking, ChangingAndRemovingMoveTheOthers) {
  auto r = four_people(TiePolicy::dense);
  r.set(4, {1000}, 0, at(50, 5));
  EXPECT_EQ(ranks(r.page(0, 10)), (Pairs{{4, 1}, {1, 2}, {3, 3}, {2, 3}}));
  r.remove(3);
  r.remove(42);  // unknown: nothing happens
  EXPECT_EQ(ranks(r.page(0, 10)), (Pairs{{4, 1}, {1, 2}, {2, 3}}));
  EXPECT_EQ(r.size(), 3u);
  EXPECT_FALSE(r.find(3));
}

TEST(Ranking, ToPassIsTheNearestOneRankedAbove) {
  auto r = four_people(TiePolicy::dense);
  EXPECT_FALSE(r.to_pass(1));
  EXPECT_EQ(r.to_pass(3)->subject_id, 1);
  EXPECT_EQ(r.to_pass(2)->subject_id, 1);  // level with 3: the one to pass is above them both
  EXPECT_EQ(r.to_pass(4)->subject_id, 2);
  EXPECT_FALSE(r.to_pass(99));
  auto first = four_people(TiePolicy::first_to_reach);
  EXPECT_EQ(first.to_pass(2)->subject_id, 3);  // got there later than 3
}

TEST(Ranking, AroundGivesNeighboursClippedAtTheEnds) {
  Ranking r;
  for (int i = 1; i <= 10; ++i)
    r.set(i, {100 - i});
  EXPECT_EQ(ranks(r.around(5, 2)), (Pairs{{3, 3}, {4, 4}, {5, 5}, {6, 6}, {7, 7}}));
  EXPECT_EQ(ranks(r.around(1, 2)), (Pairs{{1, 1}, {2, 2}, {3, 3}}));
  EXPECT_EQ(ranks(r.around(10, 1)), (Pairs{{9, 9}, {10, 10}}));
  EXPECT_TRUE(r.around(99, 2).empty());
  EXPECT_TRUE(r.page(10, 5).empty());
  EXPECT_TRUE(r.page(0, 0).empty());
}

// The ranks of a brute-force sort, for any policy: 1 + the rank groups (or, for competition and
// first_to_reach, the subjects) strictly before each one.
std::vector<Standing> brute_force(std::vector<Standing> all, TiePolicy policy, RankOrder order) {
  std::sort(all.begin(), all.end(),
            [&](const auto& a, const auto& b) { return ranks_before(a, b, policy, order); });
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::int64_t before = 0;
    for (std::size_t j = 0; j < i; ++j) {
      if (share_rank(all[j], all[i], policy, order)) continue;
      if (policy == TiePolicy::dense) {
        if (j == 0 || !share_rank(all[j], all[j - 1], policy, order)) ++before;
      } else {
        ++before;
      }
    }
    all[i].rank = before + 1;
    all[i].position = static_cast<std::int64_t>(i);
  }
  return all;
}

void expect_same(const std::vector<Standing>& expected, const std::vector<Standing>& got,
                 const std::string& where) {
  ASSERT_EQ(expected.size(), got.size()) << where;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(expected[i].subject_id, got[i].subject_id) << where << " at " << i;
    EXPECT_EQ(expected[i].rank, got[i].rank) << where << " at " << i;
    EXPECT_EQ(expected[i].position, got[i].position) << where << " at " << i;
  }
}

// Random updates, corrections (a score taken back down) and removals, with few distinct scores
// so ties are everywhere; after each step every query agrees with a brute-force sort.
TEST(Ranking, RandomUpdatesAgreeWithABruteForceSort) {
  for (auto policy : {TiePolicy::competition, TiePolicy::dense, TiePolicy::first_to_reach}) {
    for (auto order : {RankOrder::higher_first, RankOrder::lower_first}) {
      std::mt19937_64 random(static_cast<unsigned>(policy) * 7 + static_cast<unsigned>(order));
      Ranking ranking(policy, order);
      std::map<std::int64_t, Standing> truth;
      for (int step = 0; step < 600; ++step) {
        const std::int64_t subject = static_cast<std::int64_t>(random() % 40);
        if (random() % 6 == 0) {
          ranking.remove(subject);
          truth.erase(subject);
        } else {
          Standing s;
          s.subject_id = subject;
          // Small ranges: many equal scores, ratios that reduce to the same value, no targets.
          const std::int64_t of = static_cast<std::int64_t>(random() % 4);
          s.score = {static_cast<std::int64_t>(random() % 5) * (of == 0 ? 1 : of), of};
          if (random() % 3 == 0) s.score.of = 1;
          s.tie_breaker = static_cast<std::int64_t>(random() % 2);
          s.reached =
              random() % 5 == 0 ? kNeverReached : at(static_cast<std::int64_t>(random() % 6), 0);
          ranking.set(s.subject_id, s.score, s.tie_breaker, s.reached);
          truth[subject] = s;
        }
        std::vector<Standing> all;
        for (const auto& [id, s] : truth)
          all.push_back(s);
        const auto expected = brute_force(all, policy, order);
        const auto where = "policy " + std::to_string(static_cast<int>(policy)) + " order " +
                           std::to_string(static_cast<int>(order)) + " step " +
                           std::to_string(step);
        expect_same(expected, ranking.page(0, expected.size() + 5), where);
        ASSERT_EQ(ranking.size(), expected.size());
        if (expected.empty()) continue;
        const auto& probe = expected[random() % expected.size()];
        auto found = ranking.find(probe.subject_id);
        ASSERT_TRUE(found) << where;
        EXPECT_EQ(found->rank, probe.rank) << where;
        EXPECT_EQ(found->position, probe.position) << where;
        const auto offset = random() % expected.size();
        const std::vector<Standing> slice(
            expected.begin() + static_cast<std::ptrdiff_t>(offset),
            expected.begin() + static_cast<std::ptrdiff_t>(std::min(offset + 3, expected.size())));
        expect_same(slice, ranking.page(offset, 3), where + " page");
      }
    }
  }
}

}  // namespace
}  // namespace laurel::engine
