// Full-text search of visit notes (VisitRepository::list with a search, everything in scope,
// one page of 50, newest first) over 1,000,000 visits: a rare phrase, common phrases, a
// two-character word (matched by scanning: common, rare, absent), two words together, and no
// search.
//
//   build/bench/bench/visit_search_bench [VISITS]     (default 1000000)
//
// The visits go to a fresh SQLite file in /tmp through VisitRepository::insert, 10,000 to a
// transaction (bulk_load settings); the queries then run on the file reopened with the
// production settings. Fill time and file size go to stderr; the file is deleted at the end.
// Each benchmark's "matches" counter is how many visits the search matches in all.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "bench_support.hpp"
#include "store/client_repository.hpp"
#include "store/user_repository.hpp"
#include "store/visit_repository.hpp"

namespace {

using laurel::bench::must;
using laurel::bench::Random;
namespace store = laurel::store;

struct Weighted {
  std::vector<std::string> items;
  std::vector<double> weights;
  const std::string& pick(Random& r) const { return items[r.weighted(weights)]; }
};

const Weighted kOpenings = {{"拜访客户，", "与客户电话沟通，", "线上交流，", "参加客户季度策略会，",
                             "陪同投研团队路演，", "上门拜访客户投资部，", "陪同基金经理拜访，"},
                            {30, 25, 18, 10, 8, 7, 2}};
// Topics with falling frequencies; the last two are rare on purpose (what the rare searches
// look for).
const Weighted kTopics = {
    {"介绍了近期债券市场观点", "讨论了权益市场的配置机会", "客户关注回撤控制与流动性安排",
     "客户对固收+产品表现满意", "沟通了年末资金安排与到期再投资", "讨论了养老金长期配置需求",
     "客户询问了费率与申赎安排", "交流了宏观经济与利率走势", "客户关注信用债违约风险",
     "讨论了同业存单与现金管理替代", "介绍了公司投研体系与风控流程", "客户希望定制专户产品",
     "讨论了可转债的配置价值", "交流了REITs市场的发展", "客户提到黄金的配置比例",
     "客户询问跨境理财通的额度安排"},
    {20, 15, 10, 9, 8, 6, 6, 5, 4, 4, 3, 2, 2, 1, 0.1, 0.008}};
const Weighted kProducts = {
    {"月桂稳健债券A", "月桂纯债一年定开", "月桂货币A", "月桂中短债C", "月桂成长混合",
     "月桂价值精选混合", "月桂中证500指数增强", "月桂沪深300ETF联接A", "月桂双债增强",
     "月桂安心养老目标2035", "月桂科技创新混合", "月桂红利低波", "月桂可转债",
     "月桂同业存单指数7天持有", "月桂恒生科技QDII", "月桂碳中和主题混合"},
    {20, 15, 12, 10, 8, 7, 6, 5, 4, 3, 3, 2, 2, 1.5, 1, 0.5}};
const Weighted kClosings = {
    {"。", "，客户表示会内部讨论。", "，需跟进对方投委会意见。", "，对方希望下次带上研究员。",
     "，客户计划下月追加配置。", "，客户将提交投委会审议。", "，约定下周上门路演。"},
    {40, 20, 12, 10, 10, 5, 3}};
const Weighted kNextSteps = {
    {"发送产品说明书和最新季报", "安排基金经理电话会", "跟进投委会审批结果", "准备定制化配置方案",
     "约下周上门路演", "提供历史业绩归因分析"},
    {25, 20, 20, 15, 10, 10}};
const char* const kKinds[] = {"visit", "call", "meeting", "roadshow", "online"};

std::string notes(Random& r) {
  std::string text = kOpenings.pick(r) + kTopics.pick(r);
  if (r.chance(0.3)) text += "；" + kTopics.pick(r);
  if (r.chance(0.5)) text += "，重点介绍了" + kProducts.pick(r);
  return text + kClosings.pick(r);
}

struct VisitDatabase {
  explicit VisitDatabase(int visits) : file("laurel-visit-search-bench") {
    fill(visits);
    db = laurel::bench::open_store(file.path(), /*bulk_load=*/false);
    connection.emplace(must(db->acquire(), "acquire"));
  }

  void fill(int visits) {
    auto fill_store = laurel::bench::open_store(file.path(), /*bulk_load=*/true);
    auto fill_connection = must(fill_store->acquire(), "acquire");
    must(store::migrate(*fill_connection), "migrate");
    std::vector<std::int64_t> client_ids;
    {
      auto transaction = must(store::Transaction::begin(*fill_connection), "begin");
      store::UserRecord user;
      user.username = "bench.sales";
      user.display_name = "王芳";
      user.role = "sales";
      user.created_at = user.updated_at = 1'700'000'000'000'000;
      user_id = must(store::UserRepository(*fill_connection).insert(user), "insert the user");
      store::ClientRepository clients(*fill_connection);
      for (int i = 1; i <= 800; ++i) {
        store::ClientRecord client;
        client.name = "基准测试客户" + std::to_string(i) + "股份有限公司";
        client.short_name = "客户" + std::to_string(i);
        char code[32];
        std::snprintf(code, sizeof code, "91310000%09dX", i);
        client.registration_code = code;
        client.type = "bank";
        client.created_at = client.updated_at = 1'700'000'000'000'000;
        client_ids.push_back(must(clients.insert(client), "insert a client"));
      }
      must(transaction.commit(), "commit");
    }
    // Three years of visits up to 2026-11-20, in roughly the order they happened (each recorded
    // up to five days after the event).
    constexpr std::int64_t kEnd = 1'795'104'000'000'000;  // 2026-11-20T00:00:00+08:00
    constexpr std::int64_t kSpan = 3LL * 365 * 86'400'000'000;
    Random random(20261123);
    const auto start = std::chrono::steady_clock::now();
    constexpr int kBatch = 10'000;
    store::VisitRepository repository(*fill_connection);
    for (int done = 0; done < visits;) {
      auto transaction = must(store::Transaction::begin(*fill_connection), "begin");
      for (int i = 0; i < kBatch && done < visits; ++i, ++done) {
        store::VisitRecord v;
        v.client_id = random.pick(client_ids);
        v.kind = random.pick(kKinds);
        const std::int64_t base = kEnd - kSpan + kSpan / visits * done;
        v.occurred_at =
            std::max<std::int64_t>(kEnd - kSpan, base - random.between(0, 5LL * 86'400'000'000));
        v.occurred_date = laurel::bench::shanghai_date(v.occurred_at);
        v.notes = notes(random);
        if (random.chance(0.4)) v.next_step = kNextSteps.pick(random);
        v.author_user_id = user_id;
        v.created_at = v.updated_at = base;
        must(repository.insert(v), "insert a visit");
      }
      must(transaction.commit(), "commit");
      if (done % 100'000 == 0)
        std::fprintf(stderr, "  %d visits, %.0f s\n", done, laurel::bench::seconds_since(start));
    }
    const double fill = laurel::bench::seconds_since(start);
    std::fprintf(stderr, "filled %d visits in %.1f s (%.0f rows/s); %.1f MiB\n", visits, fill,
                 visits / fill, static_cast<double>(file.size()) / 1048576.0);
    fill_seconds = fill;
  }

  std::int64_t matches(const std::string& search) {
    std::string sql = "SELECT count(*) FROM visits WHERE 1 = 1";
    std::vector<store::Value> params;
    std::size_t i = 0;
    while (i < search.size()) {
      const auto end = std::min(search.find(' ', i), search.size());
      if (end > i) {
        std::string word = search.substr(i, end - i);
        for (auto& ch : word)
          if (static_cast<unsigned char>(ch) < 0x80) ch = static_cast<char>(std::tolower(ch));
        params.emplace_back(word);
        sql += " AND instr(lower(notes || ' ' || COALESCE(next_step, '')), $" +
               std::to_string(params.size()) + ") > 0";
      }
      i = end + 1;
    }
    auto rows = must((*connection)->query(sql, params), "count");
    return rows.front().integer(0);
  }

  laurel::bench::TempDatabase file;  // first: removed after the store has closed
  std::unique_ptr<store::SqliteStore> db;
  std::optional<store::PooledConnection> connection;
  std::int64_t user_id = 0;
  double fill_seconds = 0;
};

int visit_count = 1'000'000;
std::unique_ptr<VisitDatabase> the_database;

VisitDatabase& database() {
  if (!the_database) the_database = std::make_unique<VisitDatabase>(visit_count);
  return *the_database;
}

struct Query {
  const char* label;
  const char* search;  // nullptr: no search
};
const Query kQueries[] = {
    {"none", nullptr},
    {"rare phrase, 5 chars", "跨境理财通"},
    {"common phrase, 3 chars", "投委会"},
    {"common phrase, 4 chars", "回撤控制"},
    {"2 chars (scan)", "路演"},
    {"2 chars, rare (scan)", "黄金"},
    {"2 chars, no match (scan)", "期权"},
    {"two phrases", "回撤控制 养老金"},
    {"phrase + 2 chars", "投委会 路演"},
};

void visit_search(benchmark::State& state, Query query) {
  auto& db = database();
  store::VisitFilter filter;
  filter.limit = 50;
  if (query.search) filter.search = query.search;
  store::RecordScope scope;
  scope.everything = true;
  scope.today = "2026-11-23";
  store::VisitRepository visits(**db.connection);
  std::size_t page = 0;
  for (auto _ : state) {
    auto found = must(visits.list(filter, db.user_id, scope), "list");
    page = found.size();
    benchmark::DoNotOptimize(found);
  }
  state.counters["page"] = static_cast<double>(page);
  state.counters["matches"] =
      static_cast<double>(filter.search ? db.matches(*filter.search) : visit_count);
  state.SetLabel(filter.search ? "q=" + *filter.search : "no search");
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc > 1) visit_count = std::atoi(argv[1]);
  if (visit_count <= 0) {
    std::fprintf(stderr, "usage: visit_search_bench [benchmark flags] [VISITS]\n");
    return 1;
  }
  for (const auto& query : kQueries) {
    benchmark::RegisterBenchmark(
        ("visit_search/" + std::to_string(visit_count) + "/" + query.label).c_str(),
        [query](benchmark::State& state) { visit_search(state, query); })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  the_database.reset();  // closes and deletes the file
  return 0;
}
