#pragma once
// "Not overdone" for the group chats: a bot's quiet hours (company time; a window may run past
// midnight) and its cap of messages a company day. A message that falls in the quiet hours waits
// for their end; one past the day's cap waits for the next company day (and for the end of the
// quiet hours, if the day starts in them). Nothing is dropped: it is only later.

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/local_date.hpp"
#include "store/chat_repository.hpp"

namespace laurel::crm {

// The earliest a message to `target` may go at `now`, given how many went to it since the start
// of the company day holding `now` (`sent_today`): `now` itself when nothing holds it back.
core::Timestamp chat_free_from(const store::ChatTargetRecord& target, core::Timestamp now,
                               std::int64_t sent_today, const core::CompanyZone& zone);

// "22:00" as 1320 minutes after midnight; 400 naming `field` otherwise.
core::Result<int> read_clock_minutes(std::string_view text, const std::string& field);
// 1320 as "22:00".
std::string format_clock_minutes(int minutes);

}  // namespace laurel::crm
