#include "engine/leader_watch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/timestamp.hpp"
#include "engine/recognition.hpp"

namespace laurel::engine {
namespace {

using namespace std::chrono_literals;

// A Shanghai wall-clock time.
core::Timestamp at(const std::string& text) {
  return *core::parse_rfc3339(text + "+08:00");
}

const core::CompanyZone kShanghai = *core::CompanyZone::locate("Asia/Shanghai");
constexpr std::int64_t kSubscriptions = 1;  // per person per month
constexpr std::int64_t kClients = 2;        // distinct clients bought for, per person per month

MetricDefinition monthly(std::int64_t id, MetricKind kind) {
  MetricDefinition m;
  m.id = id;
  m.kind = kind;
  m.source = MetricSource::transactions;
  m.subject = SubjectKind::staff;
  m.period = core::PeriodKind::month;
  return m;
}

BoardDefinition board(std::int64_t id, std::int64_t metric_id,
                      TiePolicy policy = TiePolicy::competition) {
  BoardDefinition b;
  b.id = id;
  b.metric_id = metric_id;
  b.policy = policy;
  return b;
}

// The engine as crm::EngineFeed drives it: four people, 1 and 2 in 华东部 (10), 3 and 4 in
// 华南部 (20); every event bracketed by begin/settle.
class LeaderWatchTest : public ::testing::Test {
 protected:
  LeaderWatchTest() : engine(kShanghai) {
    event([&] {
      engine.add_metric(monthly(kSubscriptions, MetricKind::sum));
      engine.add_metric(monthly(kClients, MetricKind::distinct_clients));
      engine.set_department_parent(10, 0);
      engine.set_department_parent(20, 0);
      const auto day = date::sys_days(date::year(2026) / 1 / 1);
      engine.set_staff(1, true, {{day, 10}});
      engine.set_staff(2, true, {{day, 10}});
      engine.set_staff(3, true, {{day, 20}});
      engine.set_staff(4, true, {{day, 20}});
    });
  }

  template <typename F>
  void event(F&& f, core::Timestamp recorded_at = at("2026-03-01T00:00:00")) {
    ++seq;
    engine.begin({seq, recorded_at});
    f();
    engine.settle();
  }

  void add_board(const BoardDefinition& b) {
    event([&] { ASSERT_TRUE(engine.boards.set_board(b)); });
  }
  bool add_rule(std::int64_t id, std::int64_t board_id,
                core::Timestamp effective_from = at("2026-01-01T00:00:00")) {
    bool added = false;
    event([&] { added = engine.leaders.add_rule({id, board_id, 1, effective_from, 72h}); });
    return added;
  }

  static TradeFact trade_fact(std::int64_t id, std::int64_t staff, std::int64_t fen,
                              const std::string& when, bool in_effect = true,
                              std::int64_t client = 100) {
    TradeFact t;
    t.id = id;
    t.trade_time = at(when);
    t.client_id = client;
    t.product_id = 7;
    t.kind = TradeKind::purchase;
    t.amount_fen = fen;
    t.in_effect = in_effect;
    t.credits = {{staff, 0, fen}};
    return t;
  }
  void post(TradeFact t, std::optional<core::Timestamp> recorded_at = std::nullopt) {
    event(
        [&] {
          t.seq = seq;
          engine.apply(t);
        },
        recorded_at.value_or(t.trade_time));
  }
  void trade(std::int64_t id, std::int64_t staff, std::int64_t fen, const std::string& when,
             bool in_effect = true) {
    post(trade_fact(id, staff, fen, when, in_effect));
  }

  // Who reached the top of rule `rule`'s board in March and when (of the facts that hold).
  std::vector<std::pair<std::int64_t, core::Timestamp>> on_top(std::int64_t rule) const {
    std::vector<std::pair<std::int64_t, core::Timestamp>> out;
    for (const auto& [key, fact] : engine.leaders.facts()) {
      if (key.rule_id == rule && key.period == march && fact.holds) {
        out.emplace_back(key.subject_id, fact.became_true.at);
      }
    }
    return out;
  }
  const ThresholdFact* fact(std::int64_t rule, std::int64_t subject) const {
    const auto it = engine.leaders.facts().find({rule, subject, march, 0});
    return it == engine.leaders.facts().end() ? nullptr : &it->second;
  }

  Recognition engine;
  std::int64_t seq = 0;
  const core::Period march =
      core::period_of(date::sys_days(date::year(2026) / 3 / 1), core::PeriodKind::month);
};

using Tops = std::vector<std::pair<std::int64_t, core::Timestamp>>;

TEST_F(LeaderWatchTest, EachNewLeaderReachesTheTopAtTheMomentOfTheRecordThatPutThemThere) {
  add_board(board(1, kSubscriptions));
  ASSERT_TRUE(add_rule(1, 1));
  trade(1, 3, 500'00, "2026-03-02T10:00:00");
  trade(2, 1, 300'00, "2026-03-03T10:00:00");  // second: not news
  trade(3, 1, 300'00, "2026-03-04T10:00:00");  // 600 > 500: 1 takes the top
  EXPECT_EQ(on_top(1), (Tops{{1, at("2026-03-04T10:00:00")}, {3, at("2026-03-02T10:00:00")}}));
  // Detected by the event that made it true, on time.
  const auto* one = fact(1, 1);
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(one->detected_at, at("2026-03-04T10:00:00"));
  EXPECT_FALSE(one->late);
  EXPECT_FALSE(one->silent);
  // Once per period: 3 passing 1 again is not news again, and April is another period.
  trade(4, 3, 500'00, "2026-03-05T10:00:00");
  EXPECT_EQ(on_top(1).size(), 2u);
  EXPECT_EQ(fact(1, 3)->became_true.at, at("2026-03-02T10:00:00"));
}

TEST_F(LeaderWatchTest, ALeaderBelowTheRulesMinimumIsNotNewsUntilReachingIt) {
  add_board(board(1, kSubscriptions));
  event([&] {
    ASSERT_TRUE(engine.leaders.add_rule({1, 1, 1000'00, at("2026-01-01T00:00:00"), 72h}));
  });
  trade(1, 3, 500'00, "2026-03-02T10:00:00");  // first, but below 1000
  trade(2, 1, 900'00, "2026-03-03T10:00:00");  // first, still below
  EXPECT_EQ(on_top(1), Tops{});
  trade(3, 3, 500'00, "2026-03-04T10:00:00");  // 1000: first and enough
  EXPECT_EQ(on_top(1), (Tops{{3, at("2026-03-04T10:00:00")}}));
}

TEST_F(LeaderWatchTest, ATieAtTheTopSharesItUnlessTheBoardRanksFirstToReach) {
  add_board(board(1, kSubscriptions));
  add_board(board(2, kSubscriptions, TiePolicy::first_to_reach));
  ASSERT_TRUE(add_rule(1, 1));
  ASSERT_TRUE(add_rule(2, 2));
  trade(1, 3, 500'00, "2026-03-02T10:00:00");
  trade(2, 4, 500'00, "2026-03-03T10:00:00");  // level with 3
  EXPECT_EQ(on_top(1), (Tops{{3, at("2026-03-02T10:00:00")}, {4, at("2026-03-03T10:00:00")}}));
  EXPECT_EQ(on_top(2), (Tops{{3, at("2026-03-02T10:00:00")}}));  // 3 got there first
}

TEST_F(LeaderWatchTest, ALateRecordJudgesThePeriodAgainOnTheTimeline) {
  add_board(board(1, kSubscriptions));
  ASSERT_TRUE(add_rule(1, 1));
  trade(1, 3, 500'00, "2026-03-02T10:00:00");
  trade(2, 1, 800'00, "2026-03-03T10:00:00");
  ASSERT_EQ(on_top(1).size(), 2u);
  // Recorded on the 10th, happened on the 1st: 4 led all along, nobody else ever did.
  post(trade_fact(3, 4, 1000'00, "2026-03-01T10:00:00"), at("2026-03-10T10:00:00"));
  EXPECT_EQ(on_top(1), (Tops{{4, at("2026-03-01T10:00:00")}}));
  EXPECT_TRUE(fact(1, 4)->late);  // detected nine days after it became true
  EXPECT_FALSE(fact(1, 3)->holds);
  EXPECT_EQ(fact(1, 3)->no_longer_holds_at, at("2026-03-10T10:00:00"));
  // Cancelled: the period is as it was, and the earlier news holds again.
  post(trade_fact(3, 4, 1000'00, "2026-03-01T10:00:00", false), at("2026-03-11T10:00:00"));
  EXPECT_EQ(on_top(1), (Tops{{1, at("2026-03-03T10:00:00")}, {3, at("2026-03-02T10:00:00")}}));
}

TEST_F(LeaderWatchTest, ARecordConfirmedUnchangedChangesNothing) {
  add_board(board(1, kSubscriptions));
  ASSERT_TRUE(add_rule(1, 1));
  trade(1, 3, 500'00, "2026-03-02T10:00:00");
  (void)engine.leaders.take_changes();
  auto confirmed = trade_fact(1, 3, 500'00, "2026-03-02T10:00:00");
  confirmed.confirmed_on = date::sys_days(date::year(2026) / 3 / 3);
  post(confirmed, at("2026-03-03T18:00:00"));
  EXPECT_TRUE(engine.leaders.take_changes().empty());
}

TEST_F(LeaderWatchTest, OnlyTheBoardsScopeCompetes) {
  auto south = board(1, kSubscriptions);
  south.scope = BoardScope::department;
  south.scope_id = 20;
  add_board(south);
  ASSERT_TRUE(add_rule(1, 1));
  trade(1, 1, 900'00, "2026-03-02T10:00:00");  // 华东部: not on this board
  trade(2, 3, 100'00, "2026-03-03T10:00:00");
  EXPECT_EQ(on_top(1), (Tops{{3, at("2026-03-03T10:00:00")}}));
}

TEST_F(LeaderWatchTest, DistinctClientsCountEachClientOnce) {
  add_board(board(1, kClients));
  ASSERT_TRUE(add_rule(1, 1));
  post(trade_fact(1, 3, 100'00, "2026-03-02T10:00:00", true, 100));
  post(trade_fact(2, 4, 100'00, "2026-03-03T10:00:00", true, 100));  // level: shares the top
  post(trade_fact(3, 3, 100'00, "2026-03-04T10:00:00", true, 100));  // the same client again
  post(trade_fact(4, 4, 100'00, "2026-03-05T10:00:00", true, 101));  // 4 ahead now
  post(trade_fact(5, 1, 100'00, "2026-03-06T10:00:00", true, 102));
  EXPECT_EQ(on_top(1), (Tops{{3, at("2026-03-02T10:00:00")}, {4, at("2026-03-03T10:00:00")}}));
}

TEST_F(LeaderWatchTest, HistoryBeforeTheRuleIsSilentAndAnAddedRuleJudgesItAtOnce) {
  add_board(board(1, kSubscriptions));
  trade(1, 3, 500'00, "2026-03-02T10:00:00");
  ASSERT_TRUE(add_rule(1, 1, at("2026-03-03T00:00:00")));
  ASSERT_NE(fact(1, 3), nullptr);
  EXPECT_TRUE(fact(1, 3)->silent);
  trade(2, 1, 600'00, "2026-03-04T10:00:00");
  EXPECT_FALSE(fact(1, 1)->silent);
}

TEST_F(LeaderWatchTest, BoardsWhoseTopHasNoTimelineAreRefused) {
  auto ratio = board(1, kSubscriptions);
  ratio.denominator_metric_id = kClients;
  auto lower = board(2, kSubscriptions);
  lower.order = RankOrder::lower_first;
  auto manual = board(3, 0);
  manual.kind = BoardKind::manual;
  auto pro_rated = board(4, kSubscriptions);
  pro_rated.pro_rate = true;
  for (const auto& b : {ratio, lower, manual, pro_rated}) {
    add_board(b);
    EXPECT_TRUE(engine.leaders.unjudgeable(b.id).has_value()) << b.id;
    EXPECT_FALSE(add_rule(10 + b.id, b.id)) << b.id;
  }
  EXPECT_NE(engine.leaders.unjudgeable(3)->find("by hand"), std::string::npos);
  EXPECT_FALSE(add_rule(20, 99));  // no such board
  add_board(board(5, kSubscriptions));
  EXPECT_TRUE(add_rule(21, 5));
  EXPECT_FALSE(add_rule(21, 5));  // the id is taken
}

TEST_F(LeaderWatchTest, ABoardRankingAnotherMetricIsJudgedAfresh) {
  add_board(board(1, kSubscriptions));
  ASSERT_TRUE(add_rule(1, 1));
  post(trade_fact(1, 3, 900'00, "2026-03-02T10:00:00", true, 100));
  post(trade_fact(2, 4, 100'00, "2026-03-03T10:00:00", true, 100));
  post(trade_fact(3, 4, 100'00, "2026-03-04T10:00:00", true, 101));
  EXPECT_EQ(on_top(1), (Tops{{3, at("2026-03-02T10:00:00")}}));
  event([&] {
    ASSERT_TRUE(engine.boards.set_board(board(1, kClients)));
    engine.leaders.board_changed(1);
  });
  // By clients, 3 and 4 were level on the 3rd and 4 ahead on the 4th.
  EXPECT_EQ(on_top(1), (Tops{{3, at("2026-03-02T10:00:00")}, {4, at("2026-03-03T10:00:00")}}));
}

// Who reached the top, worked out the slow way: every record in effect in timeline order, the
// figures summed after each, the top read off by sorting.
Tops brute_force(const std::vector<TradeFact>& in_effect, TiePolicy policy) {
  auto order = in_effect;
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return std::pair(a.trade_time, a.id) < std::pair(b.trade_time, b.id);
  });
  std::map<std::int64_t, std::int64_t> figure;
  std::map<std::int64_t, std::size_t> since;  // index of the record that set the figure
  std::map<std::int64_t, core::Timestamp> reached;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto staff = order[i].credits.front().staff_id;
    figure[staff] += order[i].amount_fen;
    since[staff] = i;
    std::int64_t best = 0;
    for (const auto& [s, f] : figure)
      best = std::max(best, f);
    if (best <= 0) continue;
    std::size_t first = SIZE_MAX;
    for (const auto& [s, f] : figure) {
      if (f == best) first = std::min(first, since[s]);
    }
    for (const auto& [s, f] : figure) {
      if (f != best || (policy == TiePolicy::first_to_reach && since[s] != first)) continue;
      reached.try_emplace(s, order[i].trade_time);
    }
  }
  return {reached.begin(), reached.end()};
}

TEST_F(LeaderWatchTest, ShuffledArrivalsAndCorrectionsGiveWhatTheTimelineSays) {
  add_board(board(1, kSubscriptions));
  add_board(board(2, kSubscriptions, TiePolicy::first_to_reach));
  ASSERT_TRUE(add_rule(1, 1));
  ASSERT_TRUE(add_rule(2, 2));
  // And a watch copying its state at every moment, so late records sweep again from copies
  // (and the copies are thinned out as they pile up past 64).
  LeaderWatch copying(engine.fold, engine.boards, 1);
  event([&] {
    copying.begin({seq, at("2026-03-01T00:00:00")});
    ASSERT_TRUE(copying.add_rule({1, 1, 1, at("2026-01-01T00:00:00"), 72h}));
    copying.settle();
  });
  const auto copied_top = [&] {
    Tops out;
    for (const auto& [key, fact] : copying.facts()) {
      if (key.period == march && fact.holds) out.emplace_back(key.subject_id, fact.became_true.at);
    }
    return out;
  };
  std::mt19937 random(20261202);
  // 120 records over March, amounts in a few steps so ties happen; each posted once, some
  // cancelled or corrected later, all in a shuffled order.
  std::vector<TradeFact> versions;
  std::map<std::int64_t, TradeFact> latest;
  for (std::int64_t id = 1; id <= 120; ++id) {
    const auto day = 1 + static_cast<int>(random() % 28);
    const auto hour = 9 + static_cast<int>(random() % 8);
    char when[32];
    std::snprintf(when, sizeof when, "2026-03-%02dT%02d:00:00", day, hour);
    const auto staff = 1 + static_cast<std::int64_t>(random() % 4);
    const auto fen = (1 + static_cast<std::int64_t>(random() % 3)) * 100'00;
    versions.push_back(trade_fact(id, staff, fen, when));
    if (random() % 5 == 0) versions.push_back(trade_fact(id, staff, fen, when, false));
    if (random() % 7 == 0) versions.push_back(trade_fact(id, staff, fen + 100'00, when));
  }
  std::shuffle(versions.begin(), versions.end(), random);
  // A version's order decides which is newer (as seq does in the log): the last posted wins.
  for (auto& v : versions) {
    event([&] {
      v.seq = seq;
      copying.begin({seq, at("2026-04-01T00:00:00")});
      engine.apply(v);
      copying.settle();
    });
    latest.insert_or_assign(v.id, v);
    std::vector<TradeFact> in_effect;
    for (const auto& [id, t] : latest) {
      if (t.in_effect) in_effect.push_back(t);
    }
    ASSERT_EQ(on_top(1), brute_force(in_effect, TiePolicy::competition)) << "after " << v.id;
    ASSERT_EQ(on_top(2), brute_force(in_effect, TiePolicy::first_to_reach)) << "after " << v.id;
    ASSERT_EQ(copied_top(), on_top(1)) << "after " << v.id;
  }
}

}  // namespace
}  // namespace laurel::engine
