"""An ML team's Python stack: the mlregistry component from its generated Python SDK.

Generate the SDK first (see README.md): pulumi package add ../../provider
"""
import json

import pulumi
import pulumi_aws as aws
import pulumi_mlregistry as mlregistry

config = pulumi.Config()

# The role the team's training jobs run as; the registry lets it install packages.
training = aws.iam.Role("training", assume_role_policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "sagemaker.amazonaws.com"},
        "Action": "sts:AssumeRole",
    }],
}))

registry = mlregistry.MlDependencyRegistry("ml",
    domain_name="ml-platform",
    repository_name="ml-models",
    upstreams=[{"external_connection": "public:pypi"}],
    internal_namespaces=[{"format": "pypi", "name_prefix": "acme-"}],
    reader_principals=[training.arn],
    tags={
        "team": "ml",
        "cost-centre": config.require_secret("costCentre"),
    })

aws.iam.RolePolicyAttachment("training-reads-packages",
    role=training.name,
    policy_arn=registry.reader_policy_arn)

pulumi.export("pipIndexUrl", registry.pypi_index_url)
pulumi.export("repositoryArn", registry.repository_arn)
