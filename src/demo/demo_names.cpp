#include "demo/demo_names.hpp"

namespace laurel::demo {
namespace {

const char* const kSurnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",   "马",   "朱",
    "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许",   "韩",   "冯",
    "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",   "余",   "杜",
    "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔",   "钟",   "谭",
    "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "方", "白", "邹",   "孟",   "熊",
    "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史", "陶", "黎",   "贺",   "顾",
    "毛", "郝", "龚", "邵", "万", "钱", "严", "武", "戴", "孔", "汤", "欧阳", "司马", "诸葛"};
const char* const kGiven[] = {
    "伟",   "芳",   "娜",   "敏",   "静",   "丽",   "强", "磊",   "军",   "洋",   "勇",   "艳",
    "杰",   "娟",   "涛",   "明",   "超",   "秀英", "霞", "平",   "刚",   "桂英", "晨",   "宇",
    "浩",   "欣",   "怡",   "博",   "文",   "辉",   "婷", "雪",   "琳",   "鹏",   "慧",   "思",
    "佳",   "嘉",   "睿",   "子涵", "梓萱", "一鸣", "俊", "志强", "建华", "晓东", "海燕", "春梅",
    "国庆", "立新", "卫东", "红",   "玲",   "斌",   "宁", "昊",   "然",   "悦",   "瑶",   "航",
    "凯",   "蕾",   "岚",   "朝阳", "雨桐", "诗涵", "泽", "晗"};

const std::vector<City> kCities = {
    {"北京", "北方"}, {"天津", "北方"},   {"济南", "北方"}, {"青岛", "北方"}, {"大连", "北方"},
    {"沈阳", "北方"}, {"石家庄", "北方"}, {"太原", "北方"}, {"西安", "北方"}, {"郑州", "北方"},
    {"上海", "华东"}, {"南京", "华东"},   {"杭州", "华东"}, {"苏州", "华东"}, {"宁波", "华东"},
    {"合肥", "华东"}, {"无锡", "华东"},   {"温州", "华东"}, {"南昌", "华东"}, {"常州", "华东"},
    {"深圳", "华南"}, {"广州", "华南"},   {"厦门", "华南"}, {"福州", "华南"}, {"长沙", "华南"},
    {"南宁", "华南"}, {"海口", "华南"},   {"东莞", "华南"}, {"佛山", "华南"}, {"成都", "华南"},
    {"重庆", "华南"}, {"武汉", "华南"},   {"昆明", "华南"}, {"贵阳", "华南"}};

// Made-up brand words for institutions (two characters each).
const char* const kBrands[] = {
    "恒信", "华融", "鼎盛", "瑞丰", "汇通", "安泰", "永盛", "嘉实", "弘远", "融通", "国泰",
    "长盛", "中和", "兴业", "民生", "富邦", "泰康", "天元", "华夏", "金桥", "宏达", "聚源",
    "广发", "银河", "东方", "南方", "博远", "信达", "德邦", "汇丰", "中信", "泰和", "昆仑",
    "长城", "新华", "太平", "大成", "海通", "元亨", "正德", "明德", "致远", "启航", "星河",
    "凯旋", "盛世", "宝盈", "万家", "鹏华", "诺安", "景顺", "前海", "粤海", "浙商", "苏银"};
const char* const kIndustries[] = {"能源", "制造", "交通", "电子", "医药", "建设", "科技", "食品",
                                   "港务", "钢铁", "化工", "汽车", "电力", "地产", "物流"};

std::string brand(Random& random) {
  return random.pick(kBrands);
}

}  // namespace

const std::vector<City>& cities() {
  return kCities;
}

std::string person_name(Random& random) {
  std::string name = random.pick(kSurnames);
  name += random.pick(kGiven);
  if (random.chance(0.45)) name += random.pick(kGiven);
  return name;
}

InstitutionName institution_name(Random& random, const std::string& type, const City& city,
                                 std::set<std::string>& taken) {
  for (int attempt = 0;; ++attempt) {
    const std::string b = brand(random);
    const std::string c = city.name;
    InstitutionName n;
    if (type == "bank") {
      switch (random.between(0, 3)) {
        case 0:
          n = {c + "农村商业银行股份有限公司", c + "农商行"};
          break;
        case 1:
          n = {c + "银行股份有限公司", c + "银行"};
          break;
        case 2:
          n = {b + "银行股份有限公司" + c + "分行", b + "银行" + c};
          break;
        default:
          n = {c + b + "村镇银行", b + "村镇"};
          break;
      }
    } else if (type == "insurer") {
      n = random.chance(0.5) ? InstitutionName{b + "人寿保险股份有限公司", b + "人寿"}
                             : InstitutionName{b + "财产保险股份有限公司", b + "财险"};
    } else if (type == "broker") {
      n = {b + "证券股份有限公司", b + "证券"};
    } else if (type == "fund") {
      n = {b + "资产管理有限公司", b + "资管"};
    } else if (type == "pension") {
      n = random.chance(0.5)
              ? InstitutionName{c + "市职业年金计划", c + "职业年金"}
              : InstitutionName{b + kIndustries[random.between(0, 14)] + "集团企业年金计划",
                                b + "年金"};
    } else if (type == "trust") {
      n = {b + "国际信托有限公司", b + "信托"};
    } else if (type == "corporate") {
      const std::string industry = kIndustries[random.between(0, 14)];
      n = {c + b + industry + "集团有限公司", b + industry};
    } else {
      n = {c + b + "投资控股有限公司", b + "投控"};
    }
    if (attempt > 3) n.name = c + n.name;  // crowded: add the city
    if (taken.insert(n.name).second) return n;
  }
}

std::string head_office_name(const std::string& type) {
  if (type == "bank") return "总行";
  if (type == "pension") return "年金理事会";
  return "总部";
}

std::vector<std::string> org_unit_names(Random& random, const std::string& type) {
  std::vector<std::string> all;
  if (type == "bank") {
    all = {"金融市场部", "资产管理部", "同业业务部", "风险管理部", "运营管理部", "计划财务部"};
  } else if (type == "insurer") {
    all = {"投资管理中心", "资产配置部", "固定收益部", "风险管理部", "运营部"};
  } else if (type == "broker") {
    all = {"自营投资部", "资产管理部", "固定收益部", "风险管理部"};
  } else if (type == "pension") {
    all = {"投资委员会", "受托管理部", "财务部"};
  } else {
    all = {"投资部", "财务部", "风险合规部", "运营部"};
  }
  const auto count =
      static_cast<std::size_t>(random.between(2, std::min<std::int64_t>(4, all.size())));
  std::vector<std::string> chosen(all.begin(), all.begin() + static_cast<long>(count));
  return chosen;
}

std::string title_for(Random& random, const std::string& role, bool head) {
  if (head) return random.chance(0.5) ? "总经理" : "副总经理";
  if (role == "investment_decision") {
    const char* t[] = {"投资总监", "首席投资官", "投资经理", "部门总经理"};
    return random.pick(t);
  }
  if (role == "trading") {
    const char* t[] = {"交易主管", "交易员", "高级交易员"};
    return random.pick(t);
  }
  if (role == "operations") {
    const char* t[] = {"运营经理", "清算主管", "估值核算岗"};
    return random.pick(t);
  }
  if (role == "risk_control") {
    const char* t[] = {"风控总监", "合规负责人", "风险经理"};
    return random.pick(t);
  }
  const char* t[] = {"研究员", "投资助理", "综合管理岗"};
  return random.pick(t);
}

std::string visit_notes(Random& random, const std::string& product) {
  const char* opening[] = {"拜访客户，", "与客户电话沟通，", "参加客户季度策略会，",
                           "陪同投研团队路演，", "线上交流，"};
  const char* topic[] = {"介绍了近期债券市场观点",         "讨论了权益市场的配置机会",
                         "客户关注回撤控制与流动性安排",   "客户对固收+产品表现满意",
                         "沟通了年末资金安排与到期再投资", "讨论了养老金长期配置需求",
                         "客户询问了费率与申赎安排",       "交流了宏观经济与利率走势"};
  std::string notes = std::string(random.pick(opening)) + random.pick(topic);
  if (!product.empty()) notes += "，重点介绍了" + product;
  const char* closing[] = {"。", "，客户表示会内部讨论。", "，对方希望下次带上研究员。",
                           "，客户计划下月追加配置。", "，需跟进对方投委会意见。"};
  return notes + random.pick(closing);
}

std::string next_step(Random& random) {
  const char* steps[] = {"发送产品说明书和最新季报", "安排基金经理电话会", "跟进投委会审批结果",
                         "准备定制化配置方案",       "约下周上门路演",     "提供历史业绩归因分析"};
  return random.pick(steps);
}

std::string service_text(Random& random, const std::string& kind) {
  if (kind == "operations") return "协助客户完成份额确认与对账";
  if (kind == "research")
    return random.chance(0.5) ? "提供宏观研究月报并电话解读" : "交流行业研究观点";
  if (kind == "trading_support") return "协助处理大额申购的交易安排";
  if (kind == "account_service") return "办理账户信息变更";
  if (kind == "training") return "为客户投资团队做产品培训";
  return "解答客户关于估值与分红的问题";
}

}  // namespace laurel::demo
