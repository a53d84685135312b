#include "crm/engine_feed.hpp"

#include "crm/coverage_service.hpp"
#include "crm/crm_fixture.hpp"
#include "crm/engine_service.hpp"
#include "crm/metric_service.hpp"
#include "crm/transaction_service.hpp"

namespace laurel::crm {
namespace {

// As of a day long after every record here (only holdings metrics read it).
const date::sys_days kFarFuture{date::days{40000}};

using core::PeriodKind;

// The engine fed from the real event log: trades recorded and cancelled through the service,
// products and departments as the log has them.
class EngineFeedTest : public testing::CrmFixture {
 protected:
  EngineFeedTest() {
    coverage_
        .set(bank_, {day("2026-01-01"), {{li_, "primary", 60}, {han_, "secondary", 40}}}, actor_)
        .value();
  }

  TransactionInput trade(std::string external_id, std::int64_t product, const char* kind,
                         const char* yuan, const char* time) {
    TransactionInput in;
    in.external_id = std::move(external_id);
    in.client_id = bank_;
    in.product_id = product;
    in.kind = kind;
    in.amount = core::parse_amount(yuan, "amount").value();
    in.trade_time = core::parse_rfc3339(time).value();
    return in;
  }

  // Every event of the log, oldest first, through a fresh engine that knows `metrics`.
  std::unique_ptr<engine::Recognition> replay(std::vector<engine::MetricDefinition> metrics) {
    auto recognition = std::make_unique<engine::Recognition>(zone_);
    for (auto& m : metrics)
      recognition->fold.add_metric(std::move(m));
    EngineFeed feed(*recognition);
    auto c = db_.store().acquire().value();
    store::EventFilter filter;
    filter.limit = 100000;
    for (const auto& e : store::EventRepository(*c).list(filter).value()) {
      EXPECT_TRUE(feed.apply(e)) << e.type;
    }
    return recognition;
  }

  static engine::MetricDefinition subscriptions(std::int64_t id, engine::SubjectKind subject) {
    engine::MetricDefinition m;
    m.id = id;
    m.kind = engine::MetricKind::sum;
    m.filter.trade_kinds =
        engine::MetricFilter::kinds({engine::TradeKind::subscribe, engine::TradeKind::purchase});
    m.filter.exclude_money_market = true;
    m.subject = subject;
    m.period = PeriodKind::day;
    return m;
  }

  CoverageService coverage_{db_.store(), clock_, zone_, log_};
  TransactionService transactions_{db_.store(), clock_, zone_, log_};
};

TEST_F(EngineFeedTest, TradesFromTheLogCountByCompanyDayAndCreditedShare) {
  transactions_
      .record(trade("T-1", equity_, "申购", "1000.00", "2026-11-02T10:00:00+08:00"), actor_)
      .value();
  transactions_.record(trade("T-2", money_, "申购", "500.00", "2026-11-02T11:00:00+08:00"), actor_)
      .value();  // money-market: left out
  transactions_.record(trade("T-3", equity_, "赎回", "300.00", "2026-11-02T12:00:00+08:00"), actor_)
      .value();  // a redemption: not a subscription
  const auto late = transactions_.record(
      trade("T-4", equity_, "认购", "200.00", "2026-11-02T16:30:00Z"), actor_);  // 3 Nov, 00:30
  ASSERT_TRUE(late);

  const auto recognition = replay({subscriptions(1, engine::SubjectKind::company),
                                   subscriptions(2, engine::SubjectKind::staff),
                                   subscriptions(3, engine::SubjectKind::department)});
  const auto& fold = recognition->fold;
  const auto nov2 = *core::parse_period("2026-11-02");
  const auto nov3 = *core::parse_period("2026-11-03");
  EXPECT_EQ(fold.value(1, 0, nov2), 1000'00);
  EXPECT_EQ(fold.value(1, 0, nov3), 200'00);
  EXPECT_EQ(fold.value(2, li_, nov2), 600'00);
  EXPECT_EQ(fold.value(2, han_, nov2), 400'00);
  EXPECT_EQ(fold.value(3, north_, nov2), 1000'00);
  EXPECT_EQ(fold.value(3, south_, nov2), 0);
}

TEST_F(EngineFeedTest, ACancellationInTheLogTakesTheTradeBack) {
  auto t =
      transactions_
          .record(trade("T-1", equity_, "申购", "1000.00", "2026-11-02T10:00:00+08:00"), actor_)
          .value();
  transactions_.change_status(t.transaction.id, {"cancelled", std::nullopt}, actor_).value();
  const auto recognition = replay({subscriptions(1, engine::SubjectKind::company)});
  const auto& fold = recognition->fold;
  EXPECT_EQ(fold.value(1, 0, *core::parse_period("2026-11-02")), 0);
  EXPECT_EQ(fold.cell_count(), 0u);
}

TEST_F(EngineFeedTest, AnUnreadablePayloadIsNamedAndChangesNothing) {
  engine::Recognition recognition(zone_);
  recognition.fold.add_metric(subscriptions(1, engine::SubjectKind::company));
  const auto& fold = recognition.fold;
  EngineFeed feed(recognition);
  store::EventRecord bad;
  bad.seq = 42;
  bad.type = "transaction.recorded";
  bad.payload = R"({"before":null,"after":{"id":1,"kind":"purchase"}})";
  const auto status = feed.apply(bad);
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message.find("event 42"), std::string::npos);
  EXPECT_EQ(fold.cell_count(), 0u);
  store::EventRecord other;
  other.type = "client.created";
  other.payload = "not even json";
  EXPECT_TRUE(feed.apply(other));  // not the fold's business
}

// Inside `laurel serve`: a metric defined over the API reaches the engine through the log, and
// each question folds the log's tail first, so a trade recorded a moment ago counts.
TEST_F(EngineFeedTest, TheEngineServiceLearnsMetricsFromTheLogAndCatchesUpBeforeAnswering) {
  transactions_
      .record(trade("T-1", equity_, "申购", "1000.00", "2026-11-02T10:00:00+08:00"), actor_)
      .value();
  MetricService metrics(db_.store(), clock_, log_);
  auto input = read_metric_input(
      R"({"code":"daily","name":"每日认申购","kind":"sum","subject":"staff","period":"day",
          "filter":{"transaction_kinds":["认购","申购"],"exclude_money_market":true}})");
  ASSERT_TRUE(input) << input.error().message;
  const auto metric = metrics.create(*input, actor_).value();
  EXPECT_EQ(metrics.get(metric.record.id).value().definition.filter.trade_kinds,
            metric.definition.filter.trade_kinds);

  EngineService engine(db_.store(), zone_);
  const auto nov2 = *core::parse_period("2026-11-02");
  auto first = engine.figures(metric.record.id, nov2, kFarFuture);
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_EQ(first->cells.size(), 2u);
  EXPECT_EQ(first->cells[0].subject_id, li_);  // largest first: 60% before 40%
  EXPECT_EQ(first->cells[0].value, 600'00);

  transactions_.record(trade("T-2", equity_, "认购", "500.00", "2026-11-02T11:00:00+08:00"), actor_)
      .value();
  EXPECT_EQ(engine.figures(metric.record.id, nov2, kFarFuture).value().cells[0].value, 900'00);
  EXPECT_EQ(engine.unreadable_events(), 0);
  EXPECT_FALSE(engine.figures(999, nov2, kFarFuture));  // a metric the log never defined
}

}  // namespace
}  // namespace laurel::crm
