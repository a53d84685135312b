#include "crm/snapshot_service.hpp"

#include <boost/json.hpp>

#include "crm/metric_service.hpp"
#include "crm_fixture.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;

// Scheduled and closing snapshots, with the clock moved by hand: each is taken once when due,
// never before, never twice (a second node, a restart), and only for moments the board existed.
class SnapshotServiceTest : public testing::CrmFixture {
 protected:
  SnapshotServiceTest() {
    MetricInput metric;
    metric.code = "visits.month";
    metric.name = "月拜访";
    metric.definition.kind = engine::MetricKind::count;
    metric.definition.source = engine::MetricSource::visits;
    metric.definition.subject = engine::SubjectKind::staff;
    metric.definition.period = core::PeriodKind::month;
    metric_id_ = metrics_.create(metric, actor_).value().record.id;
    // Monday 08:00 every week; November's close a day after the month.
    board_id_ = boards_
                    .create(json::parse(R"({"name": "月拜访榜", "metric_id": )" +
                                        std::to_string(metric_id_) +
                                        R"(, "snapshot_schedule": {"weekday": "monday",
                                        "time": "08:00"}})")
                                .as_object(),
                            actor_)
                    .value()
                    .record.id;
  }

  std::vector<store::SnapshotRecord> taken() {
    auto page = snapshots_.list(board_id_, 0, 200, admin_).value();
    return page.snapshots;
  }
  void at(const char* when) { clock_.set(core::parse_rfc3339(when).value()); }

  MetricService metrics_{db_.store(), clock_, log_};
  BoardService boards_{db_.store(), clock_, log_};
  EngineService engine_{db_.store(), zone_};
  SnapshotService snapshots_{db_.store(), clock_, zone_, log_, boards_, engine_};
  auth::Principal admin_ = sign_in("snap.admin", auth::Role::admin);
  std::int64_t metric_id_ = 0, board_id_ = 0;
};

TEST_F(SnapshotServiceTest, TakesTheWeeklyFreezeOnceWhenItIsDue) {
  // The board was made on Tuesday 24 November (Shanghai): no snapshot of the Monday before it.
  ASSERT_TRUE(snapshots_.take_due());
  EXPECT_TRUE(taken().empty());
  at("2026-11-30T07:59:00+08:00");
  ASSERT_TRUE(snapshots_.take_due());
  EXPECT_TRUE(taken().empty());
  at("2026-11-30T08:00:30+08:00");
  ASSERT_TRUE(snapshots_.take_due());
  ASSERT_TRUE(snapshots_.take_due());  // again, as a second node would: still one
  auto all = taken();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].kind, "scheduled");
  EXPECT_EQ(all[0].period, "2026-11");
  EXPECT_EQ(all[0].scheduled_for,
            core::to_micros(*core::parse_rfc3339("2026-11-30T08:00:00+08:00")));
  EXPECT_EQ(all[0].total, 3);  // 李雷, 韩梅梅 and 王芳, level at 0
  EXPECT_EQ(events("board.snapshot_taken").size(), 1u);
}

TEST_F(SnapshotServiceTest, FreezesAPeriodsFinalStandingsAfterItsGraceWindow) {
  at("2026-12-01T23:59:00+08:00");  // November's last day is over, its day of grace is not
  ASSERT_TRUE(snapshots_.take_due());
  for (const auto& s : taken())
    EXPECT_NE(s.kind, "period_close");
  at("2026-12-02T00:00:10+08:00");
  ASSERT_TRUE(snapshots_.take_due());
  ASSERT_TRUE(snapshots_.take_due());
  std::vector<store::SnapshotRecord> closes;
  for (const auto& s : taken())
    if (s.kind == "period_close") closes.push_back(s);
  ASSERT_EQ(closes.size(), 1u);
  EXPECT_EQ(closes[0].period, "2026-11");
  // October ended before the board existed: never frozen.
  for (const auto& s : taken())
    EXPECT_NE(s.period, "2026-10");
}

TEST_F(SnapshotServiceTest, ASnapshotNeverChangesButSaysWhenItsPeriodHas) {
  auto frozen = snapshots_.take(board_id_, core::parse_period("2026-11"), admin_, actor_).value();
  EXPECT_EQ(frozen.kind, "manual");
  EXPECT_FALSE(snapshots_.changed_since(frozen).value());
  // Someone joins North: the live November board has four people, the snapshot still three.
  hire("新同事", north_);
  auto again = snapshots_.get(frozen.id, admin_).value();
  EXPECT_EQ(again.rows, frozen.rows);
  EXPECT_EQ(json::parse(again.rows).as_array().size(), 3u);
  EXPECT_TRUE(snapshots_.changed_since(again).value());
  // A period of another kind than the board's is refused, naming it.
  auto weekly = snapshots_.take(board_id_, core::parse_period("2026-W48"), admin_, actor_);
  ASSERT_FALSE(weekly);
  EXPECT_EQ(weekly.error().field, "period");
}

}  // namespace
}  // namespace laurel::crm
