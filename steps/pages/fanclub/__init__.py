"""Fan club screens (STEP1–STEP7, payment, マイページ, help page), by the names the features use."""
from ..base import registry
from .complete import CompleteScreen, MyPageScreen
from .email import EmailScreen, MailSentScreen
from .faq import FaqScreen
from .first_login import FirstLoginScreen
from .login import FanclubLoginScreen
from .payment import PaymentScreen
from .plus_id import ExistingIdPasswordScreen, RegisterIdScreen

SCREENS = registry(FanclubLoginScreen, FirstLoginScreen, PaymentScreen, EmailScreen, MailSentScreen,
                   ExistingIdPasswordScreen, RegisterIdScreen, CompleteScreen, MyPageScreen, FaqScreen)
