// Client search (ClientRepository::list with a search word, one page of 50) over 800 clients —
// the demo company — and over 100,000, the way a salesperson types it: a two-character Chinese
// word (matched by scanning), a longer one (the trigram index), pinyin initials, full pinyin, a
// piece of a registration code, and no search at all.
//
//   build/bench/bench/search_bench
//
// Each size gets a fresh SQLite file in /tmp (filled with bulk_load, then reopened with the
// production settings for the queries) that is deleted at the end. The fill time and the file
// size go to stderr; each benchmark's "matches" counter is how many clients the search matches
// in all (the page returns at most 51 of them).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "bench_support.hpp"
#include "crm/credit_code.hpp"
#include "store/client_repository.hpp"

namespace {

using laurel::bench::must;
using laurel::bench::Random;
namespace store = laurel::store;

struct Place {
  const char* name;
  const char* division;  // administrative division code: digits 3 to 8 of a credit code
  const char* region;
};

// Cities, then county-level places (where most rural commercial banks are).
const std::vector<Place> kCities = {
    {"北京", "110000", "北方"},   {"天津", "120000", "北方"},    {"上海", "310000", "华东"},
    {"重庆", "500000", "西南"},   {"石家庄", "130100", "北方"},  {"太原", "140100", "北方"},
    {"沈阳", "210100", "东北"},   {"大连", "210200", "东北"},    {"长春", "220100", "东北"},
    {"哈尔滨", "230100", "东北"}, {"南京", "320100", "华东"},    {"无锡", "320200", "华东"},
    {"常州", "320400", "华东"},   {"苏州", "320500", "华东"},    {"杭州", "330100", "华东"},
    {"宁波", "330200", "华东"},   {"温州", "330300", "华东"},    {"合肥", "340100", "华东"},
    {"福州", "350100", "华南"},   {"厦门", "350200", "华南"},    {"南昌", "360100", "华东"},
    {"济南", "370100", "北方"},   {"青岛", "370200", "北方"},    {"郑州", "410100", "华中"},
    {"武汉", "420100", "华中"},   {"长沙", "430100", "华中"},    {"广州", "440100", "华南"},
    {"深圳", "440300", "华南"},   {"佛山", "440600", "华南"},    {"东莞", "441900", "华南"},
    {"南宁", "450100", "华南"},   {"海口", "460100", "华南"},    {"成都", "510100", "西南"},
    {"贵阳", "520100", "西南"},   {"昆明", "530100", "西南"},    {"西安", "610100", "西北"},
    {"兰州", "620100", "西北"},   {"乌鲁木齐", "650100", "西北"}};
const std::vector<Place> kCounties = {
    {"顺德", "440606", "华南"}, {"南海", "440605", "华南"}, {"江阴", "320281", "华东"},
    {"宜兴", "320282", "华东"}, {"常熟", "320581", "华东"}, {"张家港", "320582", "华东"},
    {"昆山", "320583", "华东"}, {"太仓", "320585", "华东"}, {"吴江", "320509", "华东"},
    {"萧山", "330109", "华东"}, {"余杭", "330110", "华东"}, {"慈溪", "330282", "华东"},
    {"瑞安", "330381", "华东"}, {"海宁", "330481", "华东"}, {"诸暨", "330681", "华东"},
    {"义乌", "330782", "华东"}, {"福清", "350181", "华南"}, {"石狮", "350581", "华南"},
    {"晋江", "350582", "华南"}, {"即墨", "370215", "北方"}, {"胶州", "370281", "北方"},
    {"寿光", "370783", "北方"}, {"新郑", "410184", "华中"}, {"浏阳", "430181", "华中"},
    {"万州", "500101", "西南"}, {"涪陵", "500102", "西南"}, {"仁怀", "520382", "西南"}};

// Made-up brand words (two characters each).
const char* const kBrands[] = {
    "恒信", "华融", "鼎盛", "瑞丰", "汇通", "安泰", "永盛", "嘉实", "弘远",   "融通",
    "长盛", "中和", "富邦", "天元", "金桥", "宏达", "聚源", "博远", "信达",   "德邦",
    "泰和", "昆仑", "长城", "元亨", "正德", "明德", "致远", "启航", "星河",   "凯旋",
    "盛世", "宝盈", "万家", "诺安", "景顺", "前海", "粤海", "浙商", "苏银",   "金瑞",
    "恒丰", "汇源", "德胜", "宏泰", "中原", "东吴", "华安", "天弘", "融信",   "嘉合",
    "泰达", "银华", "新安", "润丰", "鑫元", "同泰", "睿远", "合众", "中融",   "百瑞",
    "锦程", "瑞华", "信和", "恒远", "嘉禾", "和谐", "远东", "兴华", "永安",   "华泰",
    "国联", "金元", "汇添", "民安", "泰山", "黄河", "长江", "海峡", "北部湾", "西部"};
const char* const kIndustries[] = {"能源", "制造", "交通", "电子", "医药", "建设", "科技",
                                   "食品", "港务", "钢铁", "化工", "汽车", "电力", "地产",
                                   "物流", "水务", "旅游", "纺织", "农业", "机械"};

struct Institution {
  std::string name;
  std::string short_name;
  std::string type;
  const Place* place;
};

Institution institution(Random& r) {
  static const std::vector<std::string> types = {"bank",    "insurer", "broker",    "fund",
                                                 "pension", "trust",   "corporate", "other"};
  static const std::vector<double> type_weights = {25, 10, 8, 10, 6, 5, 30, 6};
  const std::string type = types[r.weighted(type_weights)];
  const Place* city = &r.pick(kCities);
  const Place* county = &r.pick(kCounties);
  const std::string b = r.pick(kBrands);
  const std::string c = city->name;
  const std::string industry = r.pick(kIndustries);
  if (type == "bank") {
    switch (r.weighted({30, 10, 30, 20, 10})) {
      case 0: {
        const Place* p = r.chance(0.6) ? county : city;
        return {std::string(p->name) + "农村商业银行股份有限公司", std::string(p->name) + "农商行",
                type, p};
      }
      case 1:
        return {c + "银行股份有限公司", c + "银行", type, city};
      case 2:
        return {b + "银行股份有限公司" + c + "分行", b + "银行" + c, type, city};
      case 3:
        return {std::string(county->name) + b + "村镇银行股份有限公司", b + "村镇银行", type,
                county};
      default:
        return {std::string(county->name) + "农村信用合作联社",
                std::string(county->name) + "农信社", type, county};
    }
  }
  if (type == "insurer") {
    switch (r.weighted({40, 30, 15, 15})) {
      case 0:
        return {b + "人寿保险股份有限公司", b + "人寿", type, city};
      case 1:
        return {b + "财产保险股份有限公司", b + "财险", type, city};
      case 2:
        return {b + "养老保险股份有限公司", b + "养老", type, city};
      default:
        return {b + "人寿保险股份有限公司" + c + "分公司", b + "人寿" + c, type, city};
    }
  }
  if (type == "broker") {
    return r.chance(0.75) ? Institution{b + "证券股份有限公司", b + "证券", type, city}
                          : Institution{b + "期货有限公司", b + "期货", type, city};
  }
  if (type == "fund") {
    switch (r.weighted({50, 30, 20})) {
      case 0:
        return {b + "基金管理有限公司", b + "基金", type, city};
      case 1:
        return {b + "资产管理有限公司", b + "资管", type, city};
      default:
        return {b + "理财有限责任公司", b + "理财", type, city};
    }
  }
  if (type == "pension") {
    return r.chance(0.4) ? Institution{c + "市职业年金计划", c + "职业年金", type, city}
                         : Institution{b + industry + "集团企业年金计划", b + "年金", type, city};
  }
  if (type == "trust") {
    return r.chance(0.7) ? Institution{b + "国际信托有限公司", b + "信托", type, city}
                         : Institution{c + "国际信托有限公司", c + "信托", type, city};
  }
  if (type == "corporate") {
    const char* suffixes[] = {"集团有限公司", "股份有限公司", "有限公司"};
    return {c + b + industry + r.pick(suffixes), b + industry, type, city};
  }
  return r.chance(0.5) ? Institution{c + "城市建设投资集团有限公司", c + "城投", type, city}
                       : Institution{c + b + "投资控股有限公司", b + "投控", type, city};
}

// A valid unified social credit code, unique by `serial`: "91", the place's division code, a
// nine-character organisation code, the check character.
std::string credit_code(const Place& place, std::int64_t serial) {
  static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // 31
  // 31^9 = 26,439,622,160,671; multiplying by a number prime to 31 permutes the residues, so
  // distinct serials give distinct organisation codes that do not look sequential.
  constexpr std::int64_t kModulus = 26'439'622'160'671;
  auto x = (serial * 1'000'003 + 12'345'677) % kModulus;
  std::string org(9, '0');
  for (int i = 8; i >= 0; --i) {
    org[static_cast<std::size_t>(i)] = kAlphabet[static_cast<std::size_t>(x % 31)];
    x /= 31;
  }
  std::string code = "91" + std::string(place.division) + org;
  return code + laurel::crm::credit_code_check_character(code);
}

struct ClientDatabase {
  explicit ClientDatabase(int n) : file("laurel-search-bench-" + std::to_string(n)) {
    const auto start = std::chrono::steady_clock::now();
    {
      auto fill_store = laurel::bench::open_store(file.path(), /*bulk_load=*/true);
      auto fill_connection = must(fill_store->acquire(), "acquire");
      must(store::migrate(*fill_connection), "migrate");
      auto transaction = must(store::Transaction::begin(*fill_connection), "begin");
      store::ClientRepository clients(*fill_connection);
      Random random(20261123 + static_cast<std::uint64_t>(n));
      std::set<std::string> names;
      for (int i = 1; i <= n; ++i) {
        // Retry a few times for a name not yet taken; past that, accept a repeat (the schema
        // allows it; real lists have a few).
        Institution inst = institution(random);
        for (int attempt = 0; attempt < 8 && names.count(inst.name) != 0; ++attempt)
          inst = institution(random);
        names.insert(inst.name);
        store::ClientRecord record;
        record.name = inst.name;
        record.short_name = inst.short_name;
        record.registration_code = credit_code(*inst.place, i);
        record.type = inst.type;
        record.region = inst.place->region;
        record.created_at = 1'700'000'000'000'000 + std::int64_t{i} * 1'000'000;
        record.updated_at = record.created_at;
        must(clients.insert(record), "insert a client");
        if (i == n / 2) sample_code = record.registration_code;
      }
      must(transaction.commit(), "commit");
      distinct_names = names.size();
    }
    const double fill = laurel::bench::seconds_since(start);
    std::fprintf(stderr,
                 "filled %d clients (%zu distinct names) in %.2f s (%.0f rows/s); %.1f MiB\n", n,
                 distinct_names, fill, n / fill, static_cast<double>(file.size()) / 1048576.0);
    db = laurel::bench::open_store(file.path(), /*bulk_load=*/false);
    connection.emplace(must(db->acquire(), "acquire"));
  }

  // How many clients contain every word of `search` anywhere in what is searched (the
  // repository's trigram and instr matching both come down to that).
  std::int64_t matches(const std::string& search) {
    std::string sql = "SELECT count(*) FROM clients WHERE 1 = 1";
    std::vector<store::Value> params;
    std::size_t i = 0;
    while (i < search.size()) {
      const auto end = std::min(search.find(' ', i), search.size());
      if (end > i) {
        std::string word = search.substr(i, end - i);
        for (auto& ch : word)
          if (static_cast<unsigned char>(ch) < 0x80) ch = static_cast<char>(std::tolower(ch));
        params.emplace_back(word);
        sql +=
            " AND instr(lower(name || ' ' || COALESCE(short_name, '') || ' ' || registration_code"
            " || ' ' || COALESCE(search_keys, '')), $" +
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
  std::string sample_code;
  std::size_t distinct_names = 0;
};

std::map<int, std::unique_ptr<ClientDatabase>> databases;

ClientDatabase& database(int n) {
  auto& slot = databases[n];
  if (!slot) slot = std::make_unique<ClientDatabase>(n);
  return *slot;
}

// What is searched for; "@code" stands for a piece of a registration code in the database.
struct Query {
  const char* label;
  const char* search;  // nullptr: no search
};
const Query kQueries[] = {
    {"none", nullptr},
    {"2 chars (scan)", "银行"},
    {"2 chars, rare (scan)", "涪陵"},
    {"2 chars, no match (scan)", "中行"},
    {"4 chars (trigram)", "农村商业"},
    {"initials", "nsh"},
    {"initials, longer", "cqnc"},
    {"full pinyin", "nongshang"},
    {"code piece", "@code"},
};

void client_search(benchmark::State& state, int n, Query query) {
  auto& db = database(n);
  store::ClientFilter filter;
  filter.limit = 50;
  if (query.search) {
    filter.search = std::string(query.search) == "@code" ? db.sample_code.substr(8, 8)
                                                         : std::string(query.search);
  }
  store::ClientRepository clients(**db.connection);
  std::size_t page = 0;
  for (auto _ : state) {
    auto found = must(clients.list(filter), "list");
    page = found.size();
    benchmark::DoNotOptimize(found);
  }
  state.counters["page"] = static_cast<double>(page);
  state.counters["matches"] = static_cast<double>(filter.search ? db.matches(*filter.search) : n);
  state.SetLabel(filter.search ? "q=" + *filter.search : "no search");
}

}  // namespace

int main(int argc, char** argv) {
  for (int n : {800, 100'000}) {
    for (const auto& query : kQueries) {
      benchmark::RegisterBenchmark(
          ("client_search/" + std::to_string(n) + "/" + query.label).c_str(),
          [n, query](benchmark::State& state) { client_search(state, n, query); })
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  databases.clear();  // closes and deletes the files
  return 0;
}
