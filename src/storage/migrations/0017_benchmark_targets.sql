-- A target relative to a benchmark series ("thấp hơn bình quân cả nước"): the kind `benchmark`, whose spec names
-- another indicator of the plan holding the benchmark's figures (entered like any figure, with their source).
ALTER TABLE targets DROP CONSTRAINT targets_kind_check;
ALTER TABLE targets ADD CONSTRAINT targets_kind_check CHECK (kind IN ('growth_average','level_at_end','range_at_end','threshold','cumulative','yearly_flow','units_meeting_standard','rank','multiple_of_baseline','milestone','term_average','benchmark'));
