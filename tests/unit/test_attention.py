"""The broadcast mask for padded batches is the mask transformers builds, and a model that uses it
generates exactly what it generates with transformers' own SDPA masks."""

from pathlib import Path

import bentoml
import pytest
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer
from transformers.masking_utils import causal_mask_function, sdpa_mask

from medbento.runtime import attention
from medbento.runtime.generator import load_generator

pytestmark = pytest.mark.unit


def left_padded(lengths: list[int], width: int) -> torch.Tensor:
    return torch.stack([torch.arange(width) >= width - n for n in lengths]).long()


def as_dense(mask, batch, queries, keys, cache_position, kv_offset=0):
    """A None mask means SDPA's is_causal (or, for one query, attend to everything)."""
    if mask is not None:
        return mask.expand(batch, 1, queries, keys)
    positions = torch.arange(kv_offset, kv_offset + keys)
    return (positions[None, :] <= cache_position[:, None])[None, None].expand(
        batch, 1, queries, keys
    )


CASES = [
    # (padding lengths or None, queries, kv_length, kv_offset, mask past the 2D mask's end)
    ([5, 3, 1], 5, 5, 0),  # prefill of a left-padded batch
    ([6, 4, 2], 1, 6, 0),  # one decoding step, the new token already in the 2D mask
    ([7, 7], 7, 7, 0),  # prefill, nothing padded
    ([8, 8, 8], 1, 8, 0),  # decoding, nothing padded
    (None, 4, 4, 0),  # no 2D mask at all
    ([6, 2], 2, 6, 0),  # two new queries on a cache (assisted decoding)
    ([9, 5], 3, 6, 3),  # a window of keys that starts past the first position
]


@pytest.mark.parametrize(("lengths", "queries", "keys", "offset"), CASES)
@pytest.mark.parametrize("skip", [True, False])
def test_mask_is_the_one_transformers_builds(lengths, queries, keys, offset, skip):
    batch = len(lengths) if lengths else 2
    padding = left_padded(lengths, max(lengths)).bool() if lengths else None
    cache_position = torch.arange(offset + keys - queries, offset + keys)
    arguments = dict(
        batch_size=batch,
        cache_position=cache_position,
        kv_length=keys,
        kv_offset=offset,
        mask_function=causal_mask_function,
        attention_mask=padding,
        allow_is_causal_skip=skip,
    )
    ours = attention.padded_causal_mask(**arguments)
    theirs = sdpa_mask(**arguments)
    if not skip:
        assert ours is not None
    expected = as_dense(theirs, batch, queries, keys, cache_position, offset)
    assert torch.equal(as_dense(ours, batch, queries, keys, cache_position, offset), expected)


def test_other_masks_are_left_to_transformers():
    def sliding(batch_idx, head_idx, q_idx, kv_idx):
        return (kv_idx <= q_idx) & (q_idx - kv_idx < 2)

    arguments = dict(
        batch_size=2,
        cache_position=torch.arange(4),
        kv_length=4,
        mask_function=sliding,
        attention_mask=left_padded([4, 2], 4).bool(),
    )
    assert torch.equal(attention.padded_causal_mask(**arguments), sdpa_mask(**arguments))


def test_padded_batch_generates_what_transformers_sdpa_generates():
    path = Path(bentoml.models.get("clinical-generator:latest").path)
    served, tokenizer, _ = load_generator(path, quantization="none", runtime="torch")
    assert served.config._attn_implementation == attention.NAME
    reference = AutoModelForCausalLM.from_pretrained(path, attn_implementation="sdpa").eval()
    tokenizer = AutoTokenizer.from_pretrained(path)
    tokenizer.padding_side = "left"
    prompts = [
        tokenizer.apply_chat_template(
            [{"role": "user", "content": text}], tokenize=False, add_generation_prompt=True
        )
        for text in ("Summarize.", "List the medications for the morning round, please.", "Hi")
    ]
    inputs = tokenizer(prompts, return_tensors="pt", padding=True, return_token_type_ids=False)
    assert not inputs["attention_mask"].all()  # the batch is padded
    options = dict(max_new_tokens=24, do_sample=False, pad_token_id=tokenizer.pad_token_id)
    with torch.inference_mode():
        ours = served.generate(**inputs, **options)
        theirs = reference.generate(**inputs, **options)
    assert torch.equal(ours, theirs)
