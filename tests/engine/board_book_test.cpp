#include "engine/board_book.hpp"

#include <gtest/gtest.h>

#include "core/timestamp.hpp"
#include "engine/recognition.hpp"

namespace laurel::engine {
namespace {

using namespace std::chrono_literals;

// A Shanghai wall-clock time.
core::Timestamp at(const std::string& text) {
  return *core::parse_rfc3339(text + "+08:00");
}

BoardDefinition board(std::int64_t id, std::int64_t metric_id) {
  BoardDefinition b;
  b.id = id;
  b.metric_id = metric_id;
  return b;
}

const core::CompanyZone kShanghai = *core::CompanyZone::locate("Asia/Shanghai");
constexpr std::int64_t kSubscriptions = 1;  // per person per month
constexpr std::int64_t kTargets = 2;        // per person per month (imported)
constexpr std::int64_t kVisits = 3;         // per person per month

MetricDefinition monthly(std::int64_t id, MetricKind kind, MetricSource source) {
  MetricDefinition m;
  m.id = id;
  m.kind = kind;
  m.source = source;
  m.subject = SubjectKind::staff;
  m.period = core::PeriodKind::month;
  return m;
}

class BoardBookTest : public ::testing::Test {
 protected:
  BoardBookTest() : engine(kShanghai) {
    // Monthly, per person: subscriptions (a sum of trades), targets (imported), visits.
    engine.add_metric(monthly(kSubscriptions, MetricKind::sum, MetricSource::transactions));
    engine.add_metric(monthly(kTargets, MetricKind::imported, MetricSource::imported));
    engine.add_metric(monthly(kVisits, MetricKind::count, MetricSource::visits));
    engine.set_department_parent(10, 0);   // 华东部
    engine.set_department_parent(11, 10);  // 上海组, under it
    engine.set_department_parent(20, 0);   // 华南部
    const auto day = date::sys_days(date::year(2026) / 1 / 1);
    engine.set_staff(1, true, {{day, 11}});
    engine.set_staff(2, true, {{day, 10}});
    engine.set_staff(3, true, {{day, 20}});
    engine.set_staff(4, true, {{day, 20}});
  }

  void trade(std::int64_t id, std::int64_t staff, std::int64_t fen, const char* when,
             bool in_effect = true) {
    TradeFact t;
    t.id = id;
    t.seq = ++seq;
    t.trade_time = at(when);
    t.client_id = 100;
    t.product_id = 7;
    t.kind = TradeKind::purchase;
    t.amount_fen = fen;
    t.in_effect = in_effect;
    t.credits = {{staff, 0, fen}};
    engine.begin({seq, t.trade_time});
    engine.apply(t);
    engine.settle();
  }

  std::vector<std::pair<std::int64_t, std::int64_t>> standings(std::int64_t board) {
    const auto* ranking = engine.boards.ranking(board, march, date::sys_days{});
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    for (const auto& s : ranking->page(0, 100))
      out.emplace_back(s.subject_id, s.rank);
    return out;
  }

  Recognition engine;
  std::int64_t seq = 0;
  const core::Period march =
      core::period_of(date::sys_days(date::year(2026) / 3 / 1), core::PeriodKind::month);
};

using Ranks = std::vector<std::pair<std::int64_t, std::int64_t>>;

TEST_F(BoardBookTest, RanksEveryoneInScopeAndMovesOnlyWhatChanged) {
  ASSERT_TRUE(engine.boards.set_board(board(1, kSubscriptions)));
  trade(1, 3, 500'00, "2026-03-02T10:00:00");
  // Everyone active is on the board, those with nothing yet sharing the last rank.
  EXPECT_EQ(standings(1), (Ranks{{3, 1}, {1, 2}, {2, 2}, {4, 2}}));
  trade(2, 1, 800'00, "2026-03-03T10:00:00");
  trade(3, 2, 500'00, "2026-03-04T10:00:00");
  EXPECT_EQ(standings(1), (Ranks{{1, 1}, {2, 2}, {3, 2}, {4, 4}}));
  // A cancellation takes its amount back off the board.
  trade(2, 1, 800'00, "2026-03-03T10:00:00", false);
  EXPECT_EQ(standings(1), (Ranks{{2, 1}, {3, 1}, {1, 3}, {4, 3}}));
  // April is another ranking; a trade in it leaves March alone.
  trade(4, 4, 100'00, "2026-04-01T10:00:00");
  EXPECT_EQ(standings(1), (Ranks{{2, 1}, {3, 1}, {1, 3}, {4, 3}}));
}

TEST_F(BoardBookTest, TellsWhichBoardsAndPeriodsMoved) {
  ASSERT_TRUE(engine.boards.set_board(board(1, kSubscriptions)));
  auto visits = board(2, kVisits);
  ASSERT_TRUE(engine.boards.set_board(visits));
  auto changed = engine.boards.take_changed();
  ASSERT_EQ(changed.size(), 2u);  // new boards: any period
  EXPECT_TRUE(changed[0].periods.empty() && changed[1].periods.empty());
  EXPECT_TRUE(engine.boards.take_changed().empty());
  trade(1, 3, 500'00, "2026-03-02T10:00:00");
  trade(2, 3, 500'00, "2026-04-02T10:00:00");
  changed = engine.boards.take_changed();
  ASSERT_EQ(changed.size(), 1u);  // the visits board did not move
  EXPECT_EQ(changed[0].board_id, 1);
  EXPECT_EQ(changed[0].periods, (std::vector<core::Period>{march, {march.kind, march.index + 1}}));
  engine.set_staff(5, true, {});
  EXPECT_EQ(engine.boards.take_changed().size(), 2u);  // someone new: every board, any period
}

TEST_F(BoardBookTest, FirstToReachRanksByTheMomentOnTheTimelineNotByArrival) {
  ASSERT_TRUE(engine.boards.set_board({2,
                                       kSubscriptions,
                                       {},
                                       {},
                                       false,
                                       BoardScope::company,
                                       0,
                                       RankOrder::higher_first,
                                       TiePolicy::first_to_reach}));
  // 3 reached 500 on the 5th; 2's 500 arrives later but happened on the 4th: 2 is first.
  trade(1, 3, 500'00, "2026-03-05T10:00:00");
  trade(2, 2, 500'00, "2026-03-04T10:00:00");
  EXPECT_EQ(standings(2), (Ranks{{2, 1}, {3, 2}, {1, 3}, {4, 3}}));
  const auto* ranking = engine.boards.ranking(2, march, {});
  EXPECT_EQ(ranking->find(2)->reached.at, at("2026-03-04T10:00:00"));
  EXPECT_EQ(ranking->find(1)->reached, kNeverReached);
}

TEST_F(BoardBookTest, DepartmentScopeTakesItsSubtree) {
  ASSERT_TRUE(
      engine.boards.set_board({3, kSubscriptions, {}, {}, false, BoardScope::department, 10}));
  trade(1, 3, 900'00, "2026-03-02T10:00:00");  // 华南部: not on 华东部's board
  trade(2, 1, 100'00, "2026-03-02T11:00:00");
  EXPECT_EQ(standings(3), (Ranks{{1, 1}, {2, 2}}));
  // 4 moves to 上海组 in March: on the board from then on.
  engine.set_staff(4, true,
                   {{date::sys_days(date::year(2026) / 1 / 1), 20},
                    {date::sys_days(date::year(2026) / 3 / 10), 11}});
  EXPECT_EQ(standings(3), (Ranks{{1, 1}, {2, 2}, {4, 2}}));
  // Someone who leaves is not ranked unless they counted.
  engine.set_staff(2, false, {{date::sys_days(date::year(2026) / 1 / 1), 10}});
  trade(3, 4, 100'00, "2026-03-12T10:00:00");
  EXPECT_EQ(standings(3), (Ranks{{1, 1}, {4, 1}}));
}

TEST_F(BoardBookTest, RatioBoardsRankAchievementAndPutNoTargetLast) {
  auto achievement = board(4, kSubscriptions);
  achievement.denominator_metric_id = kTargets;
  achievement.tie_breaker_metric_id = kVisits;
  ASSERT_TRUE(engine.boards.set_board(achievement));
  const auto imported = [&](std::int64_t id, std::int64_t staff, std::int64_t fen) {
    engine.begin({++seq, at("2026-03-01T09:00:00")});
    engine.fold.apply(
        ImportedFact{id, seq, kTargets, staff, date::sys_days(date::year(2026) / 3 / 1), fen});
    engine.settle();
  };
  imported(1, 1, 1000'00);
  imported(2, 2, 2000'00);
  imported(3, 3, 500'00);
  trade(1, 1, 500'00, "2026-03-02T10:00:00");   // 50%
  trade(2, 2, 1000'00, "2026-03-02T10:00:00");  // 50%
  trade(3, 3, 100'00, "2026-03-02T10:00:00");   // 20%
  trade(4, 4, 9000'00, "2026-03-02T10:00:00");  // no target
  EXPECT_EQ(standings(4), (Ranks{{1, 1}, {2, 1}, {3, 3}, {4, 4}}));
  // A visit breaks the tie between the two at 50%.
  VisitFact v;
  v.id = 1;
  v.seq = ++seq;
  v.occurred_at = at("2026-03-03T10:00:00");
  v.staff = {{2, 10}};
  engine.begin({seq, v.occurred_at});
  engine.fold.apply(v);
  engine.settle();
  EXPECT_EQ(standings(4), (Ranks{{2, 1}, {1, 2}, {3, 3}, {4, 4}}));
  // The target raised: the ratio moves with it.
  imported(1, 1, 400'00);  // a correction of the same day: 125%
  EXPECT_EQ(standings(4), (Ranks{{1, 1}, {2, 2}, {3, 3}, {4, 4}}));
}

TEST_F(BoardBookTest, HoldingsBoardsAreReadUpToTheDayAsked) {
  auto balance = monthly(6, MetricKind::end_of_period_balance, MetricSource::holdings);
  engine.add_metric(balance);
  ASSERT_TRUE(engine.boards.set_board(board(6, 6)));
  ASSERT_TRUE(engine.boards.set_board(board(1, kSubscriptions)));
  const auto day = [](unsigned d) { return date::sys_days(date::year(2026) / 3 / d); };
  engine.coverage.set_plan(100, day(1), {{1, 100}});
  engine.coverage.set_plan(200, day(1), {{2, 100}});
  engine.boards.take_changed();
  engine.holdings.set_balance(100, 7, day(2), 300'00);
  // A balance moves the holdings board (any period: open pages re-read), not the others.
  const auto moved = engine.boards.take_changed();
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_EQ(moved[0].board_id, 6);
  EXPECT_TRUE(moved[0].periods.empty());
  engine.holdings.set_balance(200, 7, day(2), 200'00);
  engine.holdings.set_balance(200, 7, day(10), 900'00);
  // On the 5th person 1 holds more; by the 12th person 2 does.
  const auto ranks_on = [&](unsigned d) {
    Ranks out;
    for (const auto& s : engine.boards.ranking(6, march, day(d))->page(0, 2))
      out.emplace_back(s.subject_id, s.rank);
    return out;
  };
  EXPECT_EQ(ranks_on(5), (Ranks{{1, 1}, {2, 2}}));
  EXPECT_EQ(ranks_on(12), (Ranks{{2, 1}, {1, 2}}));
  EXPECT_EQ(engine.boards.ranking(6, march, day(12))->find(2)->score.value, 900'00);
}

TEST_F(BoardBookTest, ManualBoardsRankTheirRowsOnlyAndKeepThemThroughANewDefinition) {
  BoardDefinition manual;
  manual.id = 5;
  manual.kind = BoardKind::manual;
  manual.subject = SubjectKind::staff;
  manual.period = core::PeriodKind::month;
  ASSERT_TRUE(engine.boards.set_board(manual));
  EXPECT_EQ(standings(5), Ranks{}) << "no rows yet: nobody on it";
  ASSERT_TRUE(engine.boards.set_manual_rows(5, march, {{3, 70}, {1, 90}}));
  EXPECT_EQ(standings(5), (Ranks{{1, 1}, {3, 2}}));
  EXPECT_TRUE(engine.boards.is_manual(5, march, 1));
  manual.policy = TiePolicy::dense;  // renamed, re-ranked: the rows stay
  ASSERT_TRUE(engine.boards.set_board(manual));
  EXPECT_EQ(standings(5), (Ranks{{1, 1}, {3, 2}}));
  ASSERT_TRUE(engine.boards.set_manual_rows(5, march, {{2, 10}}));
  EXPECT_EQ(standings(5), (Ranks{{2, 1}})) << "a new version replaces the period's rows";
  const auto april = core::Period{core::PeriodKind::month, march.index + 1};
  EXPECT_EQ(engine.boards.ranking(5, april, {})->size(), 0u);
  EXPECT_FALSE(engine.boards.set_manual_rows(1, march, {{1, 1}})) << "no board 1";
  ASSERT_TRUE(engine.boards.set_board(board(1, kSubscriptions)));
  EXPECT_FALSE(engine.boards.set_manual_rows(1, march, {{1, 1}})) << "a computed board takes none";
}

TEST_F(BoardBookTest, HybridBoardsReplaceTheFiguresOfTheirRowsAndTradesDoNotMoveThem) {
  auto hybrid = board(6, kSubscriptions);
  hybrid.kind = BoardKind::hybrid;
  ASSERT_TRUE(engine.boards.set_board(hybrid));
  trade(1, 1, 800'00, "2026-03-02T10:00:00");
  trade(2, 2, 500'00, "2026-03-03T10:00:00");
  ASSERT_TRUE(engine.boards.set_manual_rows(6, march, {{1, 100'00}, {4, 900'00}}));
  EXPECT_EQ(standings(6), (Ranks{{4, 1}, {2, 2}, {1, 3}, {3, 4}}));
  trade(3, 1, 5000'00, "2026-03-04T10:00:00");  // 1's manual row stands
  trade(4, 3, 600'00, "2026-03-05T10:00:00");
  EXPECT_EQ(standings(6), (Ranks{{4, 1}, {3, 2}, {2, 3}, {1, 4}}));
  EXPECT_FALSE(engine.boards.is_manual(6, march, 3));
  // Made computed again, it ranks its metric: the rows no longer count.
  hybrid.kind = BoardKind::computed;
  ASSERT_TRUE(engine.boards.set_board(hybrid));
  EXPECT_EQ(standings(6), (Ranks{{1, 1}, {3, 2}, {2, 3}, {4, 4}}));
}

TEST_F(BoardBookTest, ProRatingScalesTheFiguresOfPeopleWhoJoinedDuringThePeriod) {
  // 5 joins on 17 March: 15 of March's 31 days.
  engine.set_staff(5, true, {{date::sys_days(date::year(2026) / 3 / 17), 10}});
  auto fair = board(7, kSubscriptions);
  fair.pro_rate = true;
  ASSERT_TRUE(engine.boards.set_board(fair));
  ASSERT_TRUE(engine.boards.set_board(board(8, kSubscriptions)));
  trade(1, 1, 1000'00, "2026-03-02T10:00:00");
  trade(2, 5, 600'00, "2026-03-20T10:00:00");  // 600 × 31 / 15 = 1240
  trade(3, 2, 1240'00, "2026-03-05T10:00:00");
  EXPECT_EQ(engine.boards.days_present(5, march), 15);
  EXPECT_EQ(engine.boards.days_present(1, march), 31);
  EXPECT_EQ(standings(8), (Ranks{{2, 1}, {1, 2}, {5, 3}, {3, 4}, {4, 4}})) << "as they are";
  // Pro-rated, 5's 1240 ties 2's whole month exactly (no rounding decides it).
  EXPECT_EQ(standings(7), (Ranks{{2, 1}, {5, 1}, {1, 3}, {3, 4}, {4, 4}}));
  const auto* ranking = engine.boards.ranking(7, march, {});
  const auto five = ranking->find(5);
  ASSERT_TRUE(five);
  EXPECT_EQ(five->score, (Score{600'00 * 31, 15}));
  EXPECT_EQ(engine.boards.pro_rating_days(7, march), 31);
  EXPECT_EQ(engine.boards.pro_rating_days(8, march), std::nullopt);
  // April: 5 is there all month, nothing to scale.
  const auto april = core::Period{core::PeriodKind::month, march.index + 1};
  trade(4, 5, 100'00, "2026-04-02T10:00:00");
  EXPECT_EQ(engine.boards.ranking(7, april, {})->find(5)->score, (Score{100'00 * 30, 30}));
}

TEST_F(BoardBookTest, RefusesMetricsThatCannotBeRankedTogether) {
  auto weekly = monthly(9, MetricKind::count, MetricSource::visits);
  weekly.period = core::PeriodKind::week;
  engine.add_metric(weekly);
  auto company = monthly(8, MetricKind::count, MetricSource::visits);
  company.subject = SubjectKind::company;
  engine.add_metric(company);
  EXPECT_FALSE(engine.boards.set_board(board(5, 99)));  // no such metric
  EXPECT_FALSE(engine.boards.set_board(board(5, 8)));   // the company is not ranked
  auto mixed = board(5, kSubscriptions);
  mixed.denominator_metric_id = 9;
  EXPECT_FALSE(engine.boards.set_board(mixed));  // a week against a month
  EXPECT_EQ(engine.boards.board(5), nullptr);
  ASSERT_TRUE(engine.boards.set_board(board(5, kSubscriptions)));
  EXPECT_EQ(engine.boards.ranking(5, core::Period{core::PeriodKind::week, 1}, {}), nullptr);
}

}  // namespace
}  // namespace laurel::engine
