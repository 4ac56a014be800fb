// The example behind `--demo` and the README's Quick start: the seed article's wall 3 (a Pending pod whose
// scheduler message blames "out of disk space") pasted together with the team's aws-auth, which lost the node role.
export const DEMO_INPUT = `$ kubectl describe pod samplepod-9876543210-vwxyz
Name: image_name
Namespace: xxx
Node: <none>
Labels: app=label
Annotations: <none>
Status: Pending
IP:
Controlled By: ReplicationController/label
Containers:
...
Events:
Type Reason Age From Message
---- ------ ---- ---- -------
Warning FailedScheduling 10s (x7 over 41s) default-scheduler 0/2 nodes are available: 2 node(s) were not ready, 2 node(s) were out of disk space.

$ kubectl get configmap aws-auth -n kube-system -o yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapUsers: |
    - userarn: arn:aws:iam::123456789012:user/sample-username
      username: sample-username
      groups:
        - system:masters
`;
