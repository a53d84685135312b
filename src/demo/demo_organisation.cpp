// The demo's sales organisation and funds: departments, staff with logins, products.

#include <set>

#include "core/pinyin.hpp"
#include "demo/demo_names.hpp"
#include "demo/demo_world.hpp"

namespace laurel::demo {
namespace {

std::string username_for(const std::string& name, std::set<std::string>& taken) {
  const auto base = core::pinyin_full(name);
  for (int n = 1;; ++n) {
    auto candidate = n == 1 ? base : base + std::to_string(n);
    if (taken.insert(candidate).second) return candidate;
  }
}

}  // namespace

core::LocalDate plus_days(core::LocalDate day, int days) {
  return date::year_month_day(date::sys_days(day) + date::days(days));
}

core::Timestamp World::local(core::LocalDate day, int hour, int minute) const {
  return services.zone.start_of(day) + std::chrono::hours(hour) + std::chrono::minutes(minute);
}

void World::at(core::LocalDate day, int hour, int minute) {
  const auto t = local(day, hour, minute);
  if (t > clock.now()) clock.set(t);
}

void build_organisation(World& w) {
  auto& s = w.services;
  const auto hire_day = plus_days(w.first_day, -400);
  auto admin = must(s.users.create({"admin", "演示管理员", std::nullopt, auth::Role::admin,
                                    std::string(kDemoPassword)},
                                   w.system),
                    "admin user");
  w.admin.user_id = admin.id;
  w.admin.username = admin.username;
  w.admin.role = auth::Role::admin;

  const auto department = [&](const char* name, std::optional<std::int64_t> parent) {
    return must(s.departments.create({name, parent}, w.system), name).department.id;
  };
  w.head_department = department("机构业务总部", std::nullopt);
  w.regional_department["北方"] = department("北方机构销售部", w.head_department);
  w.regional_department["华东"] = department("华东机构销售部", w.head_department);
  w.regional_department["华南"] = department("华南机构销售部", w.head_department);
  w.bank_department = department("银行渠道部", w.head_department);
  w.insurance_department = department("保险与养老金部", w.head_department);
  const auto operations = department("运营服务部", std::nullopt);
  const auto research = department("研究部", std::nullopt);

  std::set<std::string> usernames{"admin"};
  const auto hire = [&](std::int64_t dept, auth::Role role, const char* title) {
    Person p;
    p.name = demo::person_name(w.random);
    p.department_id = dept;
    auto user = must(s.users.create({username_for(p.name, usernames), p.name, std::nullopt, role,
                                     std::string(kDemoPassword)},
                                    w.system),
                     "user of " + p.name);
    p.staff_id =
        must(s.staff.create({p.name, std::string(title), user.id, dept, hire_day}, w.system),
             "staff " + p.name)
            .staff.id;
    p.principal.user_id = user.id;
    p.principal.username = user.username;
    p.principal.display_name = p.name;
    p.principal.role = role;
    w.people.push_back(p);
    return w.people.size() - 1;
  };
  w.managers.push_back(hire(w.head_department, auth::Role::manager, "机构业务总监"));
  const std::vector<std::int64_t> sales_departments = {
      w.regional_department["北方"], w.regional_department["华东"], w.regional_department["华南"],
      w.bank_department, w.insurance_department};
  for (auto dept : sales_departments) {
    w.managers.push_back(hire(dept, auth::Role::manager, "部门总经理"));
    for (int i = 0; i < 9; ++i)
      w.salespeople.push_back(hire(dept, auth::Role::sales, i < 3 ? "高级客户经理" : "客户经理"));
  }
  for (int i = 0; i < 2; ++i)
    w.salespeople.push_back(hire(w.head_department, auth::Role::sales, "机构客户经理"));
  for (int i = 0; i < 4; ++i)
    w.service_staff.push_back(hire(operations, auth::Role::service, "运营专员"));
  for (int i = 0; i < 3; ++i)
    w.service_staff.push_back(hire(research, auth::Role::service, "研究员"));
}

void build_products(World& w) {
  struct Plan {
    const char* type;
    int count;
    const char* suffix;
  };
  const Plan plans[] = {{"money_market", 5, "货币市场基金"},
                        {"bond", 9, "债券型基金"},
                        {"equity", 6, "股票型基金"},
                        {"mixed", 5, "混合型基金"},
                        {"index", 3, "指数基金"},
                        {"qdii", 1, "全球精选(QDII)"},
                        {"fof", 1, "养老目标FOF"}};
  const char* themes[] = {"稳健", "安盈", "优选", "成长", "价值", "红利",   "双利",    "恒益",
                          "鑫享", "汇利", "添利", "丰润", "景气", "新动力", "沪深300", "中证500"};
  int serial = 1;
  int new_funds = 0;
  for (const auto& plan : plans) {
    for (int i = 0; i < plan.count; ++i, ++serial) {
      ProductInfo p;
      p.type = plan.type;
      p.name = std::string("月桂") + themes[(serial * 7) % 16] + plan.suffix;
      if (plan.count > 1) p.name += i % 2 ? "C" : "A";
      char code[16];
      std::snprintf(code, sizeof code, "LR%04d", serial);
      // Four new funds open for 认购 during the year, a month each.
      const bool is_new = new_funds < 4 &&
                          (p.type == "bond" || p.type == "equity" || p.type == "mixed") &&
                          i == plan.count - 1;
      if (is_new) {
        p.offering_from = plus_days(w.first_day, 45 + 80 * new_funds++);
        p.offering_to = plus_days(*p.offering_from, 27);
      }
      const bool offering_now = p.offering_to && w.options.as_of <= *p.offering_to;
      p.id = must(w.services.products.create(
                      {code, p.name, p.type, offering_now ? "offering" : "open"}, w.system),
                  p.name)
                 .id;
      w.products.push_back(std::move(p));
    }
  }
}

}  // namespace laurel::demo
