FROM python:3.12-slim
ENV AWS_DEFAULT_REGION=eu-west-1
# ruleid: secret.aws-secret-access-key
ENV AWS_SECRET_ACCESS_KEY=Ty3Wq8Kp1Zx6Lr9Vn2Mb5Hc7Fd0Gs4Ja8Ue3Oi6R
# legacy "ENV key value" form
# ruleid: secret.aws-secret-access-key
ENV AWS_SECRET_ACCESS_KEY Pm2Xv7Kq4Zt9Lw1Rn6Bc8Hd3Fy5Gs0Ja2Ue7Oi9T
COPY . /app
