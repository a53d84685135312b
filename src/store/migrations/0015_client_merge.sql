-- Merging duplicate clients: the duplicate's records move to the survivor and the duplicate
-- stays, marked merged_into, so that old links, events and its registration code still lead
-- somewhere. Merged clients leave lists and search.

ALTER TABLE clients ADD COLUMN merged_into INTEGER REFERENCES clients (id);
