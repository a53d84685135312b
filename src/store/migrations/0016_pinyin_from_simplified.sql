-- The pinyin table now reads simplified characters as their traditional forms (广 guang, not
-- yan): clients' pinyin keys are computed again, right after this SQL (store/migrator.cpp).

UPDATE clients SET search_keys = NULL;
