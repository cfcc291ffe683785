package io.formulary.properties.init.mutants;

import io.formulary.core.init.AttentionInit;
import io.formulary.properties.init.ReferenceInit;

/**
 * Wrong: BERT-style attention without the 1/sqrt(d_k) on the logits (LeCun projections, scale 1), so the logit
 * second moment is d_k instead of 1. Caught by INIT-P15.
 */
public class MissingLogitScale extends ReferenceInit {

    @Override
    public AttentionInit.QkInit qkInit(AttentionInit.Allocation allocation, int dModel, int dK) {
        AttentionInit.QkInit q = super.qkInit(allocation, dModel, dK);
        return allocation == AttentionInit.Allocation.BERT ? new AttentionInit.QkInit(q.varQ(), q.varK(), 1) : q;
    }
}
