// Clients and key people from files: de-duplication, per-row errors, all or nothing.

#include "core/xlsx.hpp"
#include "crm/client_csv.hpp"
#include "crm/crm_fixture.hpp"
#include "crm/key_person_csv.hpp"
#include "store/key_person_repository.hpp"
#include "store/org_unit_repository.hpp"

namespace laurel::crm {
namespace {

class MasterDataImportTest : public testing::CrmFixture {
 protected:
  MasterDataImportTest() { admin_ = sign_in("admin", auth::Role::admin); }

  template <class Reader, class Row>
  std::vector<Row> rows(const std::string& csv) {
    auto records = core::read_table(csv).value();
    auto reader = Reader::from_header(records.front()).value();
    std::vector<Row> out;
    for (std::size_t i = 1; i < records.size(); ++i)
      out.push_back(reader.read(records[i]));
    return out;
  }

  ImportReport clients(const std::string& csv, bool partial = false) {
    return clients_.import(rows<ClientCsv, core::Result<NewClient>>(csv), partial, actor_).value();
  }
  ImportReport people(const std::string& csv, bool partial = false) {
    return people_
        .import(rows<KeyPersonCsv, core::Result<KeyPersonImportRow>>(csv), partial, actor_)
        .value();
  }
  std::vector<store::KeyPersonRecord> people_of(std::int64_t client) {
    auto c = db_.store().acquire().value();
    return store::KeyPersonRepository(*c).of_client(client).value();
  }
  static std::vector<std::string> outcomes(const ImportReport& report) {
    std::vector<std::string> out;
    for (const auto& r : report.rows)
      out.push_back(r.outcome ? std::string(import_outcome_name(*r.outcome)) : r.error->field);
    return out;
  }

  DataScopes scopes_{db_.store(), clock_, zone_};
  KeyPeopleService people_{db_.store(), clock_, log_, scopes_};
  auth::Principal admin_;
};

TEST_F(MasterDataImportTest, ClientsAreCreatedUpdatedOrLeftByRegistrationCode) {
  const auto csv =
      "名称,简称,统一社会信用代码,类型,地区\n"
      "招商银行股份有限公司,招行," +
      testing::credit_code(1) +
      ",银行,深圳福田\n"
      "宁波银行股份有限公司,," +
      testing::credit_code(7) +
      ",bank,宁波\n"
      "平安保险,," +
      testing::credit_code(2) + ",保险,\n";
  auto report = clients(csv);
  EXPECT_EQ(outcomes(report), (std::vector<std::string>{"updated", "created", "unchanged"}))
      << "招商's region changes; 平安's empty region cell leaves it as it was";
  EXPECT_EQ(clients_.get(bank_).value().region, "深圳福田");
  EXPECT_EQ(clients_.get(bank_).value().short_name, "招行");
  EXPECT_EQ(clients_.get(insurer_).value().region, std::nullopt);
  EXPECT_EQ(events("client.created").size(), 3u) << "two from the fixture, one imported";
  EXPECT_EQ(outcomes(clients(csv)),
            (std::vector<std::string>{"unchanged", "unchanged", "unchanged"}))
      << "importing the same file again changes nothing";
}

TEST_F(MasterDataImportTest, ABadClientRowStopsTheFileUnlessPartial) {
  const auto csv =
      "name,registration_code,type\n"
      "新客户甲," +
      testing::credit_code(11) +
      ",bank\n"
      "新客户乙,91110000000000011X,bank\n"  // bad check character
      "新客户丙," +
      testing::credit_code(11) +
      ",bank\n"  // repeats row 0
      "新客户丁," +
      testing::credit_code(12) + ",hedge fund\n";
  auto all = clients(csv);
  ASSERT_EQ(all.failed, 1u);
  EXPECT_EQ(all.rows[0].error->field, "registration_code");
  store::ClientFilter everyone;
  EXPECT_EQ(clients_.list(everyone).value().clients.size(), 2u) << "nothing written";
  auto partial = clients(csv, true);
  EXPECT_EQ(outcomes(partial), (std::vector<std::string>{"created", "registration_code",
                                                         "registration_code", "type"}));
  EXPECT_NE(partial.rows[2].error->message.find("row 0"), std::string::npos);
  EXPECT_EQ(clients_.list(everyone).value().clients.size(), 3u) << "exactly the good row";
}

TEST_F(MasterDataImportTest, KeyPeopleAreMatchedByNameAndPhoneWithUnitsMadeByName) {
  const auto code = testing::credit_code(1);
  auto first = people("统一社会信用代码,姓名,职务,部门,决策角色,影响力,手机\n" + code +
                      ",张三,投资总监,资产管理部,投资决策,决策者,13800000001\n" + code +
                      ",李四,交易员,金融市场部,交易,影响者,\n" + code +
                      ",张三,研究员,资产管理部,其他,影响者,13900000002\n");
  EXPECT_EQ(outcomes(first), (std::vector<std::string>{"created", "created", "created"}))
      << "two 张三 with different phones are namesakes, not one person";
  auto c = db_.store().acquire().value();
  EXPECT_EQ(store::OrgUnitRepository(*c).of_client(bank_).value().size(), 2u)
      << "units made once each";
  auto second = people("client_id,name,title,phone,touch_frequency_days\n" + std::to_string(bank_) +
                           ",张三,首席投资官,13800000001,30\n" + std::to_string(bank_) +
                           ",李四,交易主管,13700000003,\n" + std::to_string(bank_) + ",张三,,,\n",
                       true);
  ASSERT_TRUE(second.rows[0].outcome)
      << second.rows[0].error->field << " " << second.rows[0].error->message;
  EXPECT_EQ(second.rows[0].outcome, ImportOutcome::updated);
  EXPECT_EQ(second.rows[1].outcome, ImportOutcome::updated) << "李四 had no phone yet";
  EXPECT_EQ(second.rows[2].error->field, "name") << "which 张三?";
  const auto stored = people_of(bank_);
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored[0].title, "首席投资官");
  EXPECT_EQ(stored[0].touch_frequency_days, 30);
  EXPECT_EQ(stored[1].phone, "13700000003");
}

TEST_F(MasterDataImportTest, EachKeyPersonRowIsAllOrNothing) {
  const auto code = testing::credit_code(1);
  auto report = people("统一社会信用代码,姓名,部门,决策角色,影响力,手机\n" + code +
                           ",王五,新部门,投资决策,决策者,not-a-phone\n" + code +
                           ",赵六,,,决策者,\n" + code + ",钱七,,运营,把关者,\n",
                       true);
  EXPECT_EQ(outcomes(report), (std::vector<std::string>{"phone", "decision_role", "created"}));
  auto c = db_.store().acquire().value();
  EXPECT_TRUE(store::OrgUnitRepository(*c).of_client(bank_).value().empty())
      << "the unit made for the failed row went with it";
  EXPECT_EQ(people_of(bank_).size(), 1u);
}

}  // namespace
}  // namespace laurel::crm
