#pragma once
// Good news as managers and salespeople meet it: the inbox of what the engine detected (drafts
// for managers), the feed of what was published, and the lifecycle — edit the title and text,
// publish, dismiss. Every lifecycle step is recorded in the event log (good_news.published,
// .dismissed, .edited), in the same transaction as the change.
//
// Texts are rendered when read, in both languages, from the rule's templates and the names of
// the subject and of the record that made the news true, unless a manager wrote the title or
// text (then that, in every language). Salespeople see published news only.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "crm/engine_service.hpp"
#include "crm/event_log.hpp"
#include "crm/good_news_rule.hpp"
#include "crm/good_news_text.hpp"
#include "store/good_news_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct GoodNewsText {
  std::string title;
  std::string body;
};

struct GoodNews {
  store::GoodNewsRecord record;
  std::optional<GoodNewsRule> rule;  // unset for hand-written news
  engine::SubjectKind subject_kind = engine::SubjectKind::company;
  std::string subject_name;
  std::string record_type;            // "transaction" or "visit"
  std::array<GoodNewsText, 2> texts;  // in kLanguages' order
};

struct GoodNewsPage {
  std::vector<GoodNews> items;
  std::optional<std::int64_t> next_before_id;
};

// A change of words and picture: members not given stay; given as null, the words go back to
// the rule's name (title) and template (body), and the picture goes.
struct GoodNewsEdit {
  std::optional<std::optional<std::string>> title;
  std::optional<std::optional<std::string>> body;
  std::optional<std::optional<std::int64_t>> picture_id;  // null: no picture
};

// Who reads good news: managers and admins every status and audience; everyone else what is
// published for everyone or for their department (their department and those above it).
struct GoodNewsReader {
  bool manager = false;
  std::vector<std::int64_t> departments;
  std::optional<std::int64_t> staff_id;  // the reader's own staff record (their points and flags)
  bool sees(const store::GoodNewsRecord& news) const;
  // Whether news for these departments (empty: everyone) is for this reader.
  bool in_audience(const std::vector<std::int64_t>& audience) const;
};

// Hand-written good news: the manager's own words, for everyone or some departments.
struct WrittenGoodNews {
  std::string title;
  std::string body;
  std::optional<std::int64_t> picture_id;
  std::vector<std::int64_t> department_ids;
  std::optional<core::Timestamp> shown_until;
  bool publish = false;  // published at once, or a draft for later
};

class GoodNewsService {
 public:
  GoodNewsService(store::Store& store, const core::Clock& clock, const EventLog& events,
                  EngineService& engine)
      : store_(store), clock_(clock), events_(events), engine_(engine) {}

  core::Result<GoodNewsReader> reader(const auth::Principal& user);
  // After the engine has caught up with the log. Not a manager: published news only.
  core::Result<GoodNewsPage> list(store::GoodNewsFilter filter, const GoodNewsReader& reader);
  core::Result<GoodNews> get(std::int64_t id, const GoodNewsReader& reader);
  // The banner set now: published news on show (until its shown_until, or three days after it
  // was published), newest published first, at most 10.
  core::Result<std::vector<GoodNews>> banners(const GoodNewsReader& reader);
  core::Result<GoodNews> write(const WrittenGoodNews& input, const auth::Actor& actor);

  // Draft or dismissed → published; draft or published → dismissed. Another status is a
  // conflict (someone else acted first, or the news is history recorded silently).
  core::Result<GoodNews> publish(std::int64_t id, const auth::Actor& actor);
  core::Result<GoodNews> dismiss(std::int64_t id, const auth::Actor& actor);
  core::Result<GoodNews> edit(std::int64_t id, const GoodNewsEdit& edit, const auth::Actor& actor);

 private:
  core::Result<GoodNews> change_status(std::int64_t id, const std::vector<std::string>& from,
                                       std::string_view to, const char* event,
                                       const auth::Actor& actor);

  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
  EngineService& engine_;
};

boost::json::object good_news_to_json(const GoodNews& news, bool manager);
// Stored good news with their texts, each name looked up once for all of them.
core::Result<std::vector<GoodNews>> render_good_news(store::Connection& db,
                                                     std::vector<store::GoodNewsRecord> records);

}  // namespace laurel::crm
