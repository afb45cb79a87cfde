"""The GX runner's own settings: what it turns off in GX, and that GX still validates."""

import pandas as pd
from great_expectations import expectations as gxe
from great_expectations.execution_engine import pandas_execution_engine

from dagster_project.quality import gx_runner


def test_batches_are_not_fingerprinted_and_still_validated():
    _, datasource = gx_runner._context(None)
    # If GX renames the threshold, this fails instead of silently hashing every row again.
    assert pandas_execution_engine.HASH_THRESHOLD == 0
    frame = pd.DataFrame({"value": [1.0, 2.0, None]})
    batch = gx_runner._whole(gx_runner._asset(datasource, "fingerprint_probe")).get_batch(
        batch_parameters={"dataframe": frame}
    )
    assert "pandas_data_fingerprint" not in batch.batch_markers
    result = batch.validate(gxe.ExpectColumnValuesToNotBeNull(column="value"))
    assert not result.success and result.result["unexpected_count"] == 1
